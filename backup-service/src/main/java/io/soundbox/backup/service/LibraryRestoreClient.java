package io.soundbox.backup.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.backup.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks library-service to restore itself from a backup's database ({@code POST /api/admin/library/restore}),
 * with the admin's own token: library-service checks it again. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class LibraryRestoreClient {
    static final String PATH = "/api/admin/library/restore";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** library-service's answer: its HTTP status and its JSON body (an outcome, or a problem). */
    public record Answer(int status, Map<String, Object> body) {
    }

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    public LibraryRestoreClient(BackupConfig config) {
        this(config.backup().libraryUrl(), config.backup().restoreTimeout());
    }

    LibraryRestoreClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    /** @throws IOException when library-service does not answer (it must run: it performs the restore) */
    public Answer restore(String authorization, String backupId, Path database, Instant createdAt, boolean confirm,
                          boolean dryRun) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("backup_id", backupId);
        body.put("backup_database", database.toAbsolutePath().normalize().toString());
        body.put("backup_created_at", createdAt.toString());
        body.put("confirm", confirm);
        body.put("dry_run", dryRun);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", authorization == null ? "" : authorization)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> parsed;
        try {
            parsed = response.body() == null || response.body().isBlank() ? Map.of()
                    : JSON.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            parsed = Map.of("detail", "library-service answered HTTP " + response.statusCode() + " with a body that is not JSON");
        }
        return new Answer(response.statusCode(), parsed);
    }

    String baseUrl() {
        return baseUrl;
    }
}
