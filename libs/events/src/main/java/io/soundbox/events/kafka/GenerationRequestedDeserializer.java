package io.soundbox.events.kafka;

import io.soundbox.events.GenerationRequested;

/** Kafka value deserializer for {@link GenerationRequested}. */
public class GenerationRequestedDeserializer extends EventDeserializer<GenerationRequested> {
    public GenerationRequestedDeserializer() {
        super(GenerationRequested.class);
    }
}
