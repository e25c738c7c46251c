package io.soundbox.library.manage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioStoreFilesTest {
    @TempDir
    Path root;

    @Test
    void deletesOnlyPlainNamesInsideTheStore() throws Exception {
        Path audio = Files.createDirectories(root.resolve("audio"));
        Files.writeString(audio.resolve("a.wav"), "x");
        Path outside = Files.writeString(root.resolve("keep.wav"), "x");
        AudioStoreFiles files = new AudioStoreFiles(audio, audio);

        for (String hostile : new String[] {"../keep.wav", "..", ".", "/etc/passwd", "a/../../keep.wav", "",
                "a.wav\u0000", "..\\keep.wav", null}) {
            assertThat(files.deleteAudio(hostile)).as(String.valueOf(hostile)).isFalse();
        }
        assertThat(outside).exists();
        assertThat(files.deleteAudio("a.wav")).isTrue();
        assertThat(audio.resolve("a.wav")).doesNotExist();
        assertThat(files.deleteAudio("a.wav")).isFalse();
    }
}
