package io.soundbox.gateway.generation;

/** The 202 body of {@code POST /generate}: the original's fields plus {@code status_url}. */
public record GenerationAccepted(boolean success, String jobId, int position, String queueMessage, String tier,
                                 Limits limits, String statusUrl) {
    /** {@code null} means unlimited (admin). */
    public record Limits(Integer maxDuration, Integer perHour) {
    }
}
