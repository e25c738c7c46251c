package io.soundbox.gateway.generation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The 202 body of {@code POST /generate}: the original's fields plus {@code status_url} and {@code is_public}. */
public record GenerationAccepted(boolean success, String jobId, int position, String queueMessage, String tier,
                                 Limits limits, String statusUrl,
                                 @JsonProperty("is_public") boolean isPublic) {
    /** {@code null} means unlimited (admin). */
    public record Limits(Integer maxDuration, Integer perHour) {
    }
}
