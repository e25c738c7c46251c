package io.soundbox.gateway.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One directory of servable files with one extension. A name is served only if it is a plain file
 * name ({@code [A-Za-z0-9_.-]}, not starting with a dot, with the extension) and its real path, links
 * resolved, stays inside the directory.
 */
public final class MediaStore {
    private final Path dir;
    private final Pattern validName;

    public MediaStore(Path dir, String extension) {
        this.dir = dir.toAbsolutePath().normalize();
        this.validName = Pattern.compile("^[A-Za-z0-9_.-]+\\." + Pattern.quote(extension) + "$");
    }

    public boolean isValidName(String name) {
        return name != null && name.length() <= 255 && !name.startsWith(".") && validName.matcher(name).matches();
    }

    /**
     * @return the file, or empty when it does not exist, is not a regular file, or escapes the directory
     * @throws IllegalArgumentException when the name is not an acceptable file name
     */
    public Optional<Path> resolve(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid file name");
        }
        Path candidate = dir.resolve(name).normalize();
        if (!candidate.startsWith(dir) || !Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            Path realDir = dir.toRealPath();
            if (!real.startsWith(realDir) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
