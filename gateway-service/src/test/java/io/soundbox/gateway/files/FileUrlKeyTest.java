package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUrlKeyTest {
    @TempDir
    Path dir;

    @Test
    void createdOnceWith32RandomBytesReadableByTheOwnerOnly() throws Exception {
        Path file = dir.resolve("keys").resolve("file-url.key");
        byte[] key = FileUrlKey.loadOrCreate(file);
        assertThat(key).hasSize(32);
        assertThat(Files.readAllBytes(file)).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(FileUrlKey.loadOrCreate(file)).as("the same key after a restart").isEqualTo(key);
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("file-url.key");
        }
        assertThat(FileUrlKey.loadOrCreate(dir.resolve("other.key"))).as("random").isNotEqualTo(key);
    }

    @Test
    void aTruncatedKeyStopsTheStartWithAClearMessage() throws Exception {
        Path file = dir.resolve("short.key");
        Files.write(file, new byte[5]);
        assertThatThrownBy(() -> FileUrlKey.loadOrCreate(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("short.key").hasMessageContaining("delete it");
    }
}
