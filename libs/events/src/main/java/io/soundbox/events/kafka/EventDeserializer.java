package io.soundbox.events.kafka;

import io.soundbox.events.EventJson;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for one event type. A tombstone (null value) stays null so compaction
 * deletes can flow through; a malformed record throws {@link EventJson.EventFormatException}.
 */
public abstract class EventDeserializer<T> implements Deserializer<T> {
    private final Class<T> type;

    protected EventDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.fromBytes(data, type);
    }
}
