package io.soundbox.backup.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes manifests as snake_case JSON with ISO instants, like the stack's events. */
public final class ManifestJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ManifestJson() {
    }

    public static void write(Manifest manifest, Path file) throws IOException {
        JSON.writeValue(file.toFile(), manifest);
    }

    public static Manifest read(Path file) throws IOException {
        Manifest m = JSON.readValue(Files.readAllBytes(file), Manifest.class);
        if (m.id() == null || m.createdAt() == null || m.database() == null || m.database().file() == null
                || m.audio() == null) {
            throw new IOException(file + " is not a complete backup manifest");
        }
        return m;
    }
}
