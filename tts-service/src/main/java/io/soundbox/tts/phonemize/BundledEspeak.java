package io.soundbox.tts.phonemize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks Piper's patched espeak-ng (shared library + {@code espeak-ng-data}) from the piper-jni jar on
 * the class path into a cache folder, once per version: the library must be a real file to be loaded,
 * and espeak-ng reads its data from a directory. Unpacking goes to a temporary folder that is then
 * renamed, so a crash never leaves a half-written cache and concurrent starts do not clash.
 */
public final class BundledEspeak {
    /** Bump when the piper-jni version (and so the bundled files) changes. */
    static final String VERSION = "piper-jni-1.2.0-c0670df";
    private static final String DATA_ZIP = "/espeak-ng-data.zip";

    private BundledEspeak() {
    }

    /** The platform folder inside the piper-jni jar, or empty when it ships no espeak-ng for this machine. */
    static Optional<String[]> platformLibrary() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.contains("linux")) {
            if (x64) {
                return Optional.of(new String[] {"debian-amd64", "libespeak-ng.so.1"});
            }
            if (arm64) {
                return Optional.of(new String[] {"debian-arm64", "libespeak-ng.so.1"});
            }
            if (arch.startsWith("arm")) {
                return Optional.of(new String[] {"debian-armv7l", "libespeak-ng.so.1"});
            }
        } else if (os.contains("mac")) {
            return Optional.of(new String[] {x64 ? "macos-amd64" : "macos-arm64", "libespeak-ng.1.dylib"});
        }
        return Optional.empty();
    }

    /** True when the jar is on the class path and has a library for this platform. */
    public static boolean available() {
        return platformLibrary().map(p -> BundledEspeak.class.getResource("/" + p[0] + "/" + p[1]) != null)
                .orElse(false) && BundledEspeak.class.getResource(DATA_ZIP) != null;
    }

    /**
     * Makes sure the files are unpacked under {@code cacheRoot} and returns the folder that holds the
     * library and {@code espeak-ng-data/}.
     */
    public static Path unpack(Path cacheRoot) {
        String[] lib = platformLibrary().orElseThrow(
                () -> new PhonemizerException("piper-jni ships no espeak-ng for " + System.getProperty("os.name")
                        + "/" + System.getProperty("os.arch")));
        Path target = cacheRoot.resolve(VERSION + "-" + lib[0]);
        if (Files.isRegularFile(target.resolve(lib[1])) && Files.isDirectory(target.resolve("espeak-ng-data"))) {
            return target;
        }
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, ".unpack-");
            try {
                copy("/" + lib[0] + "/" + lib[1], tmp.resolve(lib[1]));
                unzip(DATA_ZIP, tmp.resolve("espeak-ng-data"));
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                    // Another process unpacked the same version first: use theirs.
                } catch (IOException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the bundled espeak-ng into " + cacheRoot, e);
        }
    }

    public static String libraryFileName() {
        return platformLibrary().map(p -> p[1]).orElse("libespeak-ng.so.1");
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = BundledEspeak.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing class path resource " + resource);
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void unzip(String resource, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (InputStream raw = BundledEspeak.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IOException("missing class path resource " + resource);
            }
            try (ZipInputStream zip = new ZipInputStream(raw)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Path out = dir.resolve(e.getName()).normalize();
                    if (!out.startsWith(dir)) {
                        throw new IOException("zip entry outside the target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
