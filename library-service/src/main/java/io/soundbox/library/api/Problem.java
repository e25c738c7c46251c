package io.soundbox.library.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem document, served as {@code application/problem+json}.
 *
 * @param type a URN naming the kind of problem; clients may switch on it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      @JsonIgnore Map<String, Object> extensions) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String INVALID_PARAMETER = "urn:soundbox:problem:invalid-parameter";
    public static final String NOT_FOUND = "urn:soundbox:problem:not-found";
    public static final String UNAUTHORIZED = "urn:soundbox:problem:unauthorized";
    public static final String FORBIDDEN = "urn:soundbox:problem:forbidden";
    public static final String CONFLICT = "urn:soundbox:problem:conflict";
    public static final String INVALID_BODY = "urn:soundbox:problem:invalid-body";
    public static final String INTERNAL = "urn:soundbox:problem:internal-error";
    public static final String CONTENT_NOT_ALLOWED = "urn:soundbox:problem:"
            + io.soundbox.moderation.ContentPolicy.PROBLEM_SLUG;

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, Map.of());
    }

    /** Members beside the standard ones, such as the original's {@code error}. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
