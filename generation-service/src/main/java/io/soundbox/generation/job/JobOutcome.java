package io.soundbox.generation.job;

/** How a request left this service: final states are acknowledged on Kafka, {@link #ABORTED} is not. */
public enum JobOutcome {
    COMPLETED, FAILED,
    /** Cancelled by its owner (queued or at a progress step); final, so acknowledged. */
    CANCELLED,
    /** Stopped by shutdown before a final state was published; Kafka re-delivers it later. */
    ABORTED;

    public boolean acknowledge() {
        return this != ABORTED;
    }
}
