package io.soundbox.library.events;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.soundbox.events.LibraryEvent;
import io.soundbox.events.SchemaVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
    /** Events handed to the emitter and not yet acknowledged by the broker (or failed). */
    private final AtomicInteger inFlight = new AtomicInteger();

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
                    inFlight.decrementAndGet();
                    sent.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    inFlight.decrementAndGet();
                    LOG.warnf("Library event %s (%s of %s) was not published: %s", event.eventId(),
                            type.wireName(), generationId, failure.getMessage());
                    sent.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        inFlight.incrementAndGet();
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            // Buffer full or channel down: the action stands, the announcement is lost (and logged).
            LOG.warnf("Library event %s (%s of %s) was dropped: %s", event.eventId(), type.wireName(),
                    generationId, e.getMessage());
            sent.completeExceptionally(e);
        }
        return sent;
    }

    /**
     * Waits until every event handed over so far reached the broker (or failed): a restore reads the
     * topic's end only after that, so no committed action is missing from its replay.
     *
     * @return false when some were still on their way after {@code wait}
     */
    public boolean awaitSent(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return true;
    }
}
