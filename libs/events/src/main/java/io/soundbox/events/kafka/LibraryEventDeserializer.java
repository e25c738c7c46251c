package io.soundbox.events.kafka;

import io.soundbox.events.LibraryEvent;

/** Kafka value deserializer for {@link LibraryEvent}. */
public class LibraryEventDeserializer extends EventDeserializer<LibraryEvent> {
    public LibraryEventDeserializer() {
        super(LibraryEvent.class);
    }
}
