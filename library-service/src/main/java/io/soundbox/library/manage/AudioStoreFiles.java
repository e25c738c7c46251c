package io.soundbox.library.manage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Removes a deleted generation's files from the shared audio store. Only plain file names of the store
 * are accepted ({@code [A-Za-z0-9_.-]+}, not only dots, resolving to a direct child of the directory):
 * a name from the database can never reach a file outside the store.
 */
public final class AudioStoreFiles {
    private static final Logger LOG = Logger.getLogger(AudioStoreFiles.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");

    private final Path audioDir;
    private final Path spectrogramDir;

    public AudioStoreFiles(Path audioDir, Path spectrogramDir) {
        this.audioDir = audioDir.toAbsolutePath().normalize();
        this.spectrogramDir = spectrogramDir.toAbsolutePath().normalize();
    }

    /** Whether the name is a plain file name of the store. */
    public static boolean isPlainName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.chars().allMatch(ch -> ch == '.');
    }

    /** @return true when the audio file existed and was removed */
    public boolean deleteAudio(String filename) {
        return delete(audioDir, filename);
    }

    /** @return true when the spectrogram existed and was removed */
    public boolean deleteSpectrogram(String filename) {
        return delete(spectrogramDir, filename);
    }

    private static boolean delete(Path dir, String name) {
        if (!isPlainName(name)) {
            LOG.warnf("Not deleting '%s': not a plain file name of the audio store", name);
            return false;
        }
        Path file = dir.resolve(name).normalize();
        if (!dir.equals(file.getParent())) {
            LOG.warnf("Not deleting '%s': outside the audio store", name);
            return false;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            // The row is gone already; a file left behind is announced anyway and can be cleaned later.
            LOG.warnf("Could not delete %s: %s", file, e.getMessage());
            return false;
        }
    }
}
