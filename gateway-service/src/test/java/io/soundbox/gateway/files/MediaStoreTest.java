package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaStoreTest {
    @TempDir
    Path root;

    @Test
    void namesAreChecked() {
        MediaStore s = new MediaStore(root, "wav");
        assertThat(s.isValidName("abc-123_x.y.wav")).isTrue();
        for (String bad : new String[] {null, "", ".wav", ".hidden.wav", "../a.wav", "a/b.wav", "a\\b.wav", "/etc/a.wav",
            "a.WAV", "a.wav.png", "a b.wav", "a%2e.wav", "a\u0000.wav", "é.wav", "x".repeat(300) + ".wav"}) {
            assertThat(s.isValidName(bad)).as(String.valueOf(bad)).isFalse();
        }
        assertThatThrownBy(() -> s.resolve("../x.wav")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolvesOnlyRegularFilesInside() throws Exception {
        Path audio = Files.createDirectories(root.resolve("audio"));
        Files.writeString(audio.resolve("a.wav"), "x");
        Files.createDirectories(audio.resolve("dir.wav"));
        Files.writeString(root.resolve("outside.wav"), "secret");
        Files.createSymbolicLink(audio.resolve("link.wav"), root.resolve("outside.wav"));
        MediaStore s = new MediaStore(audio, "wav");
        assertThat(s.resolve("a.wav")).isPresent();
        assertThat(s.resolve("missing.wav")).isEmpty();
        assertThat(s.resolve("dir.wav")).isEmpty();
        assertThat(s.resolve("link.wav")).isEmpty();
        assertThat(new MediaStore(root.resolve("nope"), "wav").resolve("a.wav")).isEmpty();
    }
}
