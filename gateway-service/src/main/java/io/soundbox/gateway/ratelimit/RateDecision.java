package io.soundbox.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of taking one token from a bucket. {@code resetSeconds} is how long until the bucket is
 * full again, {@code retryAfterSeconds} how long until the next token (0 when allowed).
 */
public record RateDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    /**
     * {@code X-RateLimit-Limit/Remaining/Reset} (Reset in seconds from now, like the IETF RateLimit
     * draft), plus {@code Retry-After} on a refusal.
     */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-RateLimit-Limit", Long.toString(limit));
        h.put("X-RateLimit-Remaining", Long.toString(remaining));
        h.put("X-RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            h.put("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        }
        return h;
    }
}
