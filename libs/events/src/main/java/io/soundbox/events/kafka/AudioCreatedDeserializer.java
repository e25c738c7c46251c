package io.soundbox.events.kafka;

import io.soundbox.events.AudioCreated;

/** Kafka value deserializer for {@link AudioCreated}. */
public class AudioCreatedDeserializer extends EventDeserializer<AudioCreated> {
    public AudioCreatedDeserializer() {
        super(AudioCreated.class);
    }
}
