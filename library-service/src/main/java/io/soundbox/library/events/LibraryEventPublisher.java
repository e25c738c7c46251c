package io.soundbox.library.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.soundbox.events.LibraryEvent;
import io.soundbox.events.SchemaVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Announces library actions on {@code soundbox.library.events}, keyed by generation id. Called after the
 * action's transaction committed: an announced action always happened. The database is the source of
 * truth, so a broker that is down does not fail the user's request: the failure is logged.
 */
@ApplicationScoped
public class LibraryEventPublisher {
    public static final String CHANNEL = "library-events";
    private static final Logger LOG = Logger.getLogger(LibraryEventPublisher.class);
    /** Bounded: a broker that stays away must not make the service buffer without limit. */
    private static final int BUFFER = 1024;

    private final Emitter<LibraryEvent> emitter;
    private final Clock clock;

    @Inject
    public LibraryEventPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                                 Emitter<LibraryEvent> emitter) {
        this(emitter, Clock.systemUTC());
    }

    LibraryEventPublisher(Emitter<LibraryEvent> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    /** Announces an action with a fresh event id. */
    public CompletableFuture<Void> publish(LibraryEvent.Type type, String generationId, String userId,
                                           Map<String, Object> data) {
        return publish(UUID.randomUUID().toString(), type, generationId, userId, data);
    }

    /**
     * Announces an action; a deterministic event id (e.g. for the first ingestion of a generation) lets
     * consumers drop the copy a replay produces.
     */
    public CompletableFuture<Void> publish(String eventId, LibraryEvent.Type type, String generationId, String userId,
                                           Map<String, Object> data) {
        LibraryEvent event = new LibraryEvent(SchemaVersion.CURRENT, eventId, type, generationId, userId, data,
                clock.instant());
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Message<LibraryEvent> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build())
                .withAck(() -> {
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    LOG.warnf("Library event %s (%s of %s) was not published: %s", event.eventId(),
                            type.wireName(), generationId, failure.getMessage());
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // Buffer full or channel down: the action stands, the announcement is lost (and logged).
            LOG.warnf("Library event %s (%s of %s) was dropped: %s", event.eventId(), type.wireName(),
                    generationId, e.getMessage());
            sent.completeExceptionally(e);
        }
        return sent;
    }
}
