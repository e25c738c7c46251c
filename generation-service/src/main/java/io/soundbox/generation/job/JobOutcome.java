package io.soundbox.generation.job;

/** How a request left this service: final states are acknowledged on Kafka, {@link #ABORTED} is not. */
public enum JobOutcome {
    COMPLETED, FAILED,
    /** Stopped by shutdown before a final state was published; Kafka re-delivers it later. */
    ABORTED;

    public boolean acknowledge() {
        return this != ABORTED;
    }
}
