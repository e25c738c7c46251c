package io.soundbox.gateway.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem document. Extension members (for example {@code valid_models}) sit beside the
 * standard ones, as the RFC asks; {@code error} repeats the detail, because clients of the original
 * Sound Box read its {@code {"error": "..."}} bodies.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "error"})
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        Map<String, Object> copy = extensions == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extensions);
        // error is always the detail (below): an extension of that name would write the member twice.
        copy.remove("error");
        extensions = Map.copyOf(copy);
    }

    /** The original's error member: the same sentence as {@code detail}. */
    @JsonProperty("error")
    public String error() {
        return detail;
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
