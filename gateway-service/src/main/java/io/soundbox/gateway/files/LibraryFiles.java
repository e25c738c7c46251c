package io.soundbox.gateway.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.downstream.Downstream;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.downstream.InternalTokenIssuer;
import io.soundbox.gateway.downstream.ProxyRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Asks library-service who owns a file and whether it is public: {@code GET /internal/files/{name}}
 * with the gateway's own service token. 200 is a {@link FileLookup.Known}, 404 an
 * {@link FileLookup.Unknown}; anything else means the answer cannot be trusted and is reported as
 * the library being unavailable (callers fail closed). Blocking: call from worker threads.
 */
public final class LibraryFiles {
    private final Downstream library;
    private final InternalTokenIssuer tokens;
    private final ObjectMapper json;

    public LibraryFiles(Downstream library, InternalTokenIssuer tokens, ObjectMapper json) {
        this.library = library;
        this.tokens = tokens;
        this.json = json;
    }

    /** @throws DownstreamUnavailableException when the library is down or answers something unexpected */
    public FileLookup find(String name) {
        String path = "/internal/files/" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        HttpResponse<InputStream> response = library.send(new ProxyRequest("GET", path, null,
                Map.of("Accept", "application/json"), null, tokens.serviceToken()));
        try (InputStream in = response.body()) {
            if (response.statusCode() == 404) {
                return FileLookup.UNKNOWN;
            }
            if (response.statusCode() != 200) {
                throw new DownstreamUnavailableException(library.name(), "GET /internal/files answered "
                        + response.statusCode(), null);
            }
            return new FileLookup.Known(parse(json.readTree(in)));
        } catch (IOException e) {
            throw new DownstreamUnavailableException(library.name(), "unreadable file lookup (" + e + ")", e);
        }
    }

    static FileInfo parse(JsonNode n) {
        if (n == null || !n.isObject() || !n.path("is_public").isBoolean()) {
            throw new DownstreamUnavailableException("library-service", "a file lookup without is_public", null);
        }
        return new FileInfo(text(n, "id"), text(n, "filename"), text(n, "spectrogram"), text(n, "user_id"),
                n.get("is_public").booleanValue(), text(n, "prompt"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
