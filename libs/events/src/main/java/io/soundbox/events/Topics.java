package io.soundbox.events;

/** Kafka topic names shared by every service. Changing one is a breaking change of the contract. */
public final class Topics {
    /** Generation requests from the gateway, keyed by job id. */
    public static final String GENERATION_REQUESTED = "soundbox.generation.requested";
    /** Cancel and skip commands for queued or running jobs, keyed by job id. */
    public static final String GENERATION_CONTROL = "soundbox.generation.control";
    /** Latest status per job, keyed by job id; compacted so it doubles as the job read model's source. */
    public static final String JOB_STATUS = "soundbox.job.status";
    /** A new audio file in the audio store, keyed by generation id. */
    public static final String AUDIO_CREATED = "soundbox.audio.created";
    /** Votes, plays, favorites and other library actions, keyed by generation id (for Graphlings). */
    public static final String LIBRARY_EVENTS = "soundbox.library.events";

    private Topics() {
    }
}
