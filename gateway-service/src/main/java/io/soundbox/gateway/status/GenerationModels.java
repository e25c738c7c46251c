package io.soundbox.gateway.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.downstream.DownstreamProxy;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.downstream.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * generation-service's {@code GET /models} (models, device memory), remembered for two seconds so a
 * status page polled by many clients costs generation-service one call at a time. Empty when the
 * service is down or answers badly: the status page then shows what the gateway knows.
 */
@ApplicationScoped
public class GenerationModels {
    private static final Logger LOG = Logger.getLogger(GenerationModels.class);
    private static final long CACHE_NANOS = 2_000_000_000L;

    private final DownstreamProxy proxy;
    private final ObjectMapper json;
    private volatile Cached cached;

    private record Cached(Optional<JsonNode> document, long at) {
    }

    public GenerationModels(DownstreamProxy proxy, ObjectMapper json) {
        this.proxy = proxy;
        this.json = json;
    }

    /** Blocking: call from a worker thread. */
    public Optional<JsonNode> current() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && now - c.at() < CACHE_NANOS) {
            return c.document();
        }
        Optional<JsonNode> doc = fetch();
        cached = new Cached(doc, now);
        return doc;
    }

    private Optional<JsonNode> fetch() {
        ProxyRequest request = new ProxyRequest("GET", "/models", null, Map.of("Accept", "application/json"), null,
                null);
        try {
            HttpResponse<InputStream> response = proxy.generation().send(request);
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    LOG.debugf("generation-service GET /models answered %d", response.statusCode());
                    return Optional.empty();
                }
                JsonNode doc = json.readTree(in);
                return doc != null && doc.isObject() ? Optional.of(doc) : Optional.empty();
            }
        } catch (DownstreamUnavailableException | IOException e) {
            LOG.debugf("generation-service status unavailable: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
