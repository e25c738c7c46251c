package io.soundbox.gateway.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.downstream.DownstreamProxy;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.downstream.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up a library item's prompt (for download names) through library-service's public
 * {@code GET /api/library/{id}}, as an anonymous caller: a private or unknown item, or a library that
 * is down, simply gives nothing and the download keeps its file name.
 */
@ApplicationScoped
public class LibraryItems {
    private final DownstreamProxy proxy;
    private final ObjectMapper json;

    public LibraryItems(DownstreamProxy proxy, ObjectMapper json) {
        this.proxy = proxy;
        this.json = json;
    }

    /** Blocking: call from a worker thread. */
    public Optional<String> prompt(String id) {
        String path = "/api/library/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        try {
            HttpResponse<InputStream> response = proxy.library().send(
                    new ProxyRequest("GET", path, null, Map.of("Accept", "application/json"), null, null));
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return Optional.empty();
                }
                JsonNode item = json.readTree(in);
                JsonNode prompt = item == null ? null : item.get("prompt");
                return prompt != null && prompt.isTextual() ? Optional.of(prompt.asText()) : Optional.empty();
            }
        } catch (DownstreamUnavailableException | IOException e) {
            return Optional.empty();
        }
    }
}
