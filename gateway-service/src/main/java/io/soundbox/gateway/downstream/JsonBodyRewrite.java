package io.soundbox.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.gateway.auth.Caller;

/** Edits a downstream JSON answer before it goes out. */
@FunctionalInterface
public interface JsonBodyRewrite {
    /** Edits {@code body} in place for {@code caller} (null: anonymous); returns whether anything changed. */
    boolean rewrite(JsonNode body, Caller caller);
}
