package io.soundbox.gateway.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One unfinished job in {@code GET /api/queue}. For other users' jobs a non-admin sees neither the job
 * id, the prompt nor the user id (the original's rule), only that a job of that model and length waits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueEntry(String jobId, String status, Integer position, String model, int duration, Integer etaS,
                         String prompt, String userId, boolean mine, Boolean skipped) {
}
