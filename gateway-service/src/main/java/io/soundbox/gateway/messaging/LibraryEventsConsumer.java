package io.soundbox.gateway.messaging;

import io.soundbox.events.LibraryEvent;
import io.soundbox.gateway.files.FileVisibilityCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Follows {@code soundbox.library.events} (every instance, new events only) to keep the file visibility
 * cache honest: a generation made private, rejected or deleted stops being served to others at once,
 * not when its cached answer expires; a generation just added is asked about again instead of staying
 * "unknown" until then. In memory only, so it runs on the consumer thread.
 */
@ApplicationScoped
public class LibraryEventsConsumer {
    private static final Logger LOG = Logger.getLogger(LibraryEventsConsumer.class);

    private final FileVisibilityCache visibility;

    public LibraryEventsConsumer(FileVisibilityCache visibility) {
        this.visibility = visibility;
    }

    @Incoming("library-events-seen")
    public void onLibraryEvent(ConsumerRecord<String, LibraryEvent> record) {
        LibraryEvent event = record.value();
        if (event == null || event.generationId() == null) {
            return;
        }
        try {
            switch (event.type()) {
                case VISIBILITY_CHANGED, GENERATION_DELETED -> visibility.forgetGeneration(event.generationId());
                case GENERATION_ADDED -> {
                    Object filename = event.data() == null ? null : event.data().get("filename");
                    if (filename instanceof String name) {
                        visibility.forget(name);
                    }
                    visibility.forgetGeneration(event.generationId());
                }
                default -> {
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Skipping unusable library event at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
