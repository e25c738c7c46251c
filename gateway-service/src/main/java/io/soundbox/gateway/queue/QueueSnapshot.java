package io.soundbox.gateway.queue;

import java.util.List;

/**
 * The body of {@code GET /api/queue}: counts, the caller's own unfinished jobs with their positions,
 * and the whole queue (running jobs first, then by position), cut at the configured size.
 * {@code full_view} says whether other users' prompts and ids are shown (admins only).
 */
public record QueueSnapshot(int queueLength, int running, int total, boolean fullView, boolean truncated,
                            List<QueueEntry> myJobs, List<QueueEntry> jobs) {
}
