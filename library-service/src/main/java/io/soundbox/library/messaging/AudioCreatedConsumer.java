package io.soundbox.library.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.LibraryEvent;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.moderation.ModerationPolicy;
import io.soundbox.library.ingest.GenerationIngestor;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.restore.RestoreGate;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds {@code soundbox.audio.created} into the library, one poll's batch at a time on a worker thread
 * ({@code batch=true}): the whole batch is stored in one write transaction (one commit instead of one per
 * record: that is what makes catching up on a long topic fast). Batches are processed in order, and two
 * events of one generation within a batch apply in topic order. The batch is acknowledged when this method
 * returns; the throttled strategy then commits, per partition, only offsets below which every record was
 * acknowledged, so a crash re-delivers at most the unfinished batch, which the idempotent upsert absorbs.
 *
 * <p>A record that cannot be read (the deserializer hands over null, see
 * {@code fail-on-deserialization-failure=false}) or describes something that cannot be stored is logged
 * and skipped: one bad producer must not stop the library. A database failure is not skipped: it
 * propagates, nothing of the batch is stored, the channel fails and readiness goes down, and the batch is
 * re-delivered after restart.
 */
@ApplicationScoped
public class AudioCreatedConsumer {
    public static final String CHANNEL = "audio-created";
    private static final Logger LOG = Logger.getLogger(AudioCreatedConsumer.class);
    /** Header SmallRye sets on a record whose value failed to deserialize. */
    private static final String DESERIALIZATION_FAILURE_REASON = "deserialization-failure-reason";

    private final GenerationIngestor ingestor;
    private final LibraryEventPublisher events;
    private final RestoreGate gate;
    private final ConsumerProgress progress;

    public AudioCreatedConsumer(GenerationIngestor ingestor, LibraryEventPublisher events, RestoreGate gate,
                                ConsumerProgress progress) {
        this.ingestor = ingestor;
        this.events = events;
        this.gate = gate;
        this.progress = progress;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAudioCreated(ConsumerRecords<String, AudioCreated> records) {
        List<ConsumerRecord<String, AudioCreated>> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, AudioCreated> record : records) {
            if (record.value() == null) {
                LOG.warnf("Skipping unreadable record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                        record.offset(), record.key(), failureReason(record));
            } else {
                readable.add(record);
            }
        }
        // A restore swaps the database: the batch waits for it instead of writing into the old one.
        long stamp = gate.enterWaiting();
        try {
            onAudioCreated(readable);
        } finally {
            gate.leave(stamp);
        }
        for (ConsumerRecord<String, AudioCreated> record : records) {
            progress.stored(record.partition(), record.offset());
        }
    }

    /** Stores the readable records of one batch and announces the generations it added. */
    void onAudioCreated(List<ConsumerRecord<String, AudioCreated>> readable) {
        if (readable.isEmpty()) {
            return;
        }
        List<GenerationIngestor.Stored> stored = ingestor.storeEach(readable.stream().map(ConsumerRecord::value)
                .toList());
        for (int i = 0; i < stored.size(); i++) {
            GenerationIngestor.Stored s = stored.get(i);
            ConsumerRecord<String, AudioCreated> record = readable.get(i);
            if (s.rejected()) {
                LOG.warnf("Skipping record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        s.rejection());
                continue;
            }
            AudioCreated event = s.event();
            LOG.debugf("Generation %s: %s", event.generationId(), s.outcome());
            if (s.outcome() == GenerationRepository.Outcome.INSERTED) {
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
        }
    }

    private static String failureReason(ConsumerRecord<String, ?> record) {
        Header reason = record.headers().lastHeader(DESERIALIZATION_FAILURE_REASON);
        return reason == null || reason.value() == null ? "empty value (tombstone)"
                : new String(reason.value(), StandardCharsets.UTF_8);
    }
}
