package io.soundbox.gateway.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.downstream.DownstreamProxy;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.downstream.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Asks library-service for the caller's private storage, as the caller. Anything but a readable 200
 * is reported as the library being unavailable: a private job is queued only when its room is known.
 * Blocking: call from worker threads.
 */
@ApplicationScoped
public class LibraryStorage {
    static final String PATH = "/api/my-generations/storage";

    private final DownstreamProxy proxy;
    private final ObjectMapper json;

    public LibraryStorage(DownstreamProxy proxy, ObjectMapper json) {
        this.proxy = proxy;
        this.json = json;
    }

    /** @throws DownstreamUnavailableException when the library cannot say */
    public PrivateStorage of(Caller caller) {
        HttpResponse<InputStream> r = proxy.library().send(new ProxyRequest("GET", PATH, null,
                Map.of("Accept", "application/json"), null, proxy.tokens().tokenFor(caller)));
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new DownstreamUnavailableException("library-service", PATH + " answered " + r.statusCode(), null);
            }
            return parse(json.readTree(in));
        } catch (IOException e) {
            throw new DownstreamUnavailableException("library-service", "unreadable storage answer (" + e + ")", e);
        }
    }

    static PrivateStorage parse(JsonNode n) {
        JsonNode count = n == null ? null : n.get("private_count");
        JsonNode limit = n == null ? null : n.get("limit");
        if (count == null || !count.canConvertToLong() || !count.isIntegralNumber()
                || (limit != null && !limit.isNull() && !limit.isIntegralNumber())) {
            throw new DownstreamUnavailableException("library-service", "a storage answer without private_count",
                    null);
        }
        Long max = limit == null || limit.isNull() ? null : limit.longValue();
        return new PrivateStorage(n.path("tier").asText(null), count.longValue(), max);
    }
}
