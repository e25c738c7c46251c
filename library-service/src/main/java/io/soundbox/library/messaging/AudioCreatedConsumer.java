package io.soundbox.library.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.LibraryEvent;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.moderation.ModerationPolicy;
import io.soundbox.library.persistence.GenerationRepository;
import java.util.HashMap;
import java.util.Map;
import io.soundbox.library.ingest.GenerationIngestor;
import io.soundbox.library.ingest.InvalidEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds {@code soundbox.audio.created} into the library. One record at a time on a worker thread
 * (JDBC blocks; ordered, so two events of one generation apply in order). The record is acknowledged
 * when this method returns and the throttled strategy commits its offset then.
 *
 * <p>A record that cannot be read (the deserializer hands over null, see
 * {@code fail-on-deserialization-failure=false}) or describes something that cannot be stored is logged
 * and skipped: one bad producer must not stop the library. A database failure is not skipped: it
 * propagates, the channel fails and readiness goes down, and the record is re-delivered after restart.
 */
@ApplicationScoped
public class AudioCreatedConsumer {
    public static final String CHANNEL = "audio-created";
    private static final Logger LOG = Logger.getLogger(AudioCreatedConsumer.class);
    /** Header SmallRye sets on a record whose value failed to deserialize. */
    private static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    private final GenerationIngestor ingestor;
    private final LibraryEventPublisher events;

    public AudioCreatedConsumer(GenerationIngestor ingestor, LibraryEventPublisher events) {
        this.ingestor = ingestor;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAudioCreated(ConsumerRecord<String, AudioCreated> record) {
        AudioCreated event = record.value();
        if (event == null) {
            LOG.warnf("Skipping unreadable record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), failureReason(record));
            return;
        }
        try {
            GenerationRepository.Outcome outcome = ingestor.store(event);
            LOG.debugf("Generation %s: %s", event.generationId(), outcome);
            if (outcome == GenerationRepository.Outcome.INSERTED) {
                // A fixed event id: a replay into a fresh database announces the same event again, and
                // consumers can tell it is the same.
                Map<String, Object> data = new HashMap<>();
                data.put("kind", event.kind().wireName());
                data.put("filename", event.filename());
                // is_public: what others see (a public wish may wait for review); requested_public: the wish.
                ReviewStatus review = ingestor.reviewOnIngest(event.isPublic());
                data.put("is_public", ModerationPolicy.effective(event.isPublic(), review));
                data.put("requested_public", event.isPublic());
                data.put("review_status", review.wireName());
                events.publish("generation-added:" + event.generationId(), LibraryEvent.Type.GENERATION_ADDED,
                        event.generationId().trim(), event.userId(), data);
            }
        } catch (InvalidEventException e) {
            LOG.warnf("Skipping record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static String failureReason(ConsumerRecord<String, ?> record) {
        Header reason = record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON);
        return reason == null || reason.value() == null ? "empty value (tombstone)"
                : new String(reason.value(), StandardCharsets.UTF_8);
    }
}
