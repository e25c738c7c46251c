package io.soundbox.events;

/** Common shape of every event: a schema version and the Kafka record key it is published under. */
public interface SoundboxEvent {
    int schemaVersion();

    /** The record key: keeps one job's or one generation's events in order on one partition. */
    String key();
}
