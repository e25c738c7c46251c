package io.soundbox.backup.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String PREFIX = "urn:soundbox:problem:";
}
