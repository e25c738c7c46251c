package io.soundbox.library.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.soundbox.events.AudioCreated;
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

    public AudioCreatedConsumer(GenerationIngestor ingestor) {
        this.ingestor = ingestor;
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
            boolean changed = ingestor.ingest(event);
            LOG.debugf("Generation %s %s", event.generationId(), changed ? "stored" : "unchanged (replay)");
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
