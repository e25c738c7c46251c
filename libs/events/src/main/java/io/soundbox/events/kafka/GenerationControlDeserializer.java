package io.soundbox.events.kafka;

import io.soundbox.events.GenerationControl;

/** Kafka value deserializer for {@link GenerationControl}. */
public class GenerationControlDeserializer extends EventDeserializer<GenerationControl> {
    public GenerationControlDeserializer() {
        super(GenerationControl.class);
    }
}
