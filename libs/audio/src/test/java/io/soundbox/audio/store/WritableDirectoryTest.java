package io.soundbox.audio.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WritableDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void createsMissingParentsAndAcceptsAWrite() throws Exception {
        WritableDirectory dir = new WritableDirectory(tmp.resolve("a/b/audio"));

        dir.create();

        assertThat(tmp.resolve("a/b/audio")).isDirectory();
        assertThat(dir.problem()).isEmpty();
        assertThat(tmp.resolve("a/b/audio")).isEmptyDirectory();
    }

    @Test
    void reportsAMissingDirectory() {
        WritableDirectory dir = new WritableDirectory(tmp.resolve("missing"));

        assertThat(dir.problem()).hasValueSatisfying(p -> assertThat(p).contains("is not a directory"));
    }

    @Test
    void reportsAFileInPlaceOfTheDirectory() throws Exception {
        Path file = Files.writeString(tmp.resolve("audio"), "not a folder");
        WritableDirectory dir = new WritableDirectory(file);

        assertThat(dir.problem()).isPresent();
    }
}
