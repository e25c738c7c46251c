package io.soundbox.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.gateway.auth.Caller;

/** Edits a downstream JSON answer for an authenticated caller before it goes out. */
@FunctionalInterface
public interface JsonBodyRewrite {
    /** Edits {@code body} in place; returns whether anything changed. */
    boolean rewrite(JsonNode body, Caller caller);
}
