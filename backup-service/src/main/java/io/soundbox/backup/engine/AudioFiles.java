package io.soundbox.backup.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files of the audio store as a backup sees them. Names starting with a dot are skipped: they are
 * files still being written ({@code WavCodec.writeAtomically} writes {@code .name....part} first).
 */
public final class AudioFiles {
    /** @param relative path below the audio store, {@code /}-separated */
    public record Source(String relative, Path path, long size, long modified) {
    }

    private AudioFiles() {
    }

    public static List<Source> scan(Path audioDir) throws IOException {
        List<Source> out = new ArrayList<>();
        if (!Files.isDirectory(audioDir)) {
            return out;
        }
        Files.walkFileTree(audioDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(audioDir) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !hidden(file)) {
                    String rel = audioDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    out.add(new Source(rel, file, attrs.size(), attrs.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                // A file deleted while the store is walked is simply not part of this backup.
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }
        });
        out.sort(Comparator.comparing(Source::relative));
        return out;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }
}
