package io.soundbox.gateway.downstream;

import java.util.Map;
import java.util.Objects;

/**
 * One request to forward: the method, the raw (still percent-encoded) path and query as the client
 * sent them, the headers worth forwarding, the body, and the internal token ({@code null} for an
 * anonymous caller).
 */
public record ProxyRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
                           byte[] body, String internalToken) {
    public ProxyRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String pathAndQuery() {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
