package io.soundbox.events.kafka;

import io.soundbox.events.EventJson;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for any Sound Box event (configure as {@code value.serializer}). */
public class EventSerializer implements Serializer<Object> {
    @Override
    public byte[] serialize(String topic, Object data) {
        return data == null ? null : EventJson.toBytes(data);
    }
}
