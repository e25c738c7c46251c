package io.soundbox.gateway.jobs;

import io.soundbox.events.JobStatus;

/**
 * Decides whether a status update replaces the one the read model holds. Kafka keeps one job's records
 * in order, but the gateway also inserts its own "queued" record, and a replayed topic may bring an
 * older record after a newer local one, so: an older update (by {@code updated_at}) never overwrites a
 * newer one, and a final state never moves back to a non-final one.
 */
public final class StatusOrdering {
    private StatusOrdering() {
    }

    public static boolean replaces(JobStatus current, JobStatus incoming) {
        if (current == null) {
            return true;
        }
        if (current.state().isFinal() && !incoming.state().isFinal()) {
            return false;
        }
        if (current.updatedAt() == null || incoming.updatedAt() == null) {
            // Without timestamps arrival order is all there is.
            return true;
        }
        return !incoming.updatedAt().isBefore(current.updatedAt());
    }
}
