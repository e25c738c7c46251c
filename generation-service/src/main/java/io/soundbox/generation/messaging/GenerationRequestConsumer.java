package io.soundbox.generation.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.soundbox.events.EventJson;
import io.soundbox.events.GenerationRequested;
import io.soundbox.generation.job.JobIntake;
import io.soundbox.generation.job.JobOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code soundbox.generation.requested}. Records arrive one at a time (the returned Uni completes
 * once a record is admitted, which may wait for room in the queue); each is acknowledged later, when
 * its job reached a final state, so acknowledgements come out of order and the {@code throttled} commit
 * strategy commits only below the oldest unfinished job. Values are read as bytes and parsed here, so
 * a malformed record is skipped (and reported) instead of failing the consumer.
 */
@ApplicationScoped
public class GenerationRequestConsumer {
    private static final Logger LOG = Logger.getLogger(GenerationRequestConsumer.class);
    private static final int MAX_REASON_CHARS = 300;

    private final JobIntake intake;

    public GenerationRequestConsumer(JobIntake intake) {
        this.intake = intake;
    }

    @Incoming("generation-requests")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> onRequest(KafkaRecord<String, byte[]> record) {
        // Admission blocks (queue full, status publishing): keep it off the Kafka event loop.
        return Uni.createFrom().item(() -> admit(record))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .replaceWithVoid();
    }

    private Void admit(KafkaRecord<String, byte[]> record) {
        CompletionStage<JobOutcome> done = null;
        if (record.getPayload() == null) {
            LOG.debugf("skipping tombstone %s", record.getKey());
            record.ack();
            return null;
        }
        GenerationRequested request;
        try {
            request = EventJson.fromBytes(record.getPayload(), GenerationRequested.class);
        } catch (EventJson.EventFormatException | IllegalArgumentException | NullPointerException e) {
            String reason = "malformed generation request: " + truncate(e.getMessage());
            long offset = record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getOffset).orElse(-1L);
            LOG.warnf("skipping record %s at %s-%d@%d: %s", record.getKey(), record.getTopic(),
                    record.getPartition(), offset, reason);
            request = null;
            done = intake.acceptMalformed(record.getKey(), reason);
        }
        if (request != null) {
            try {
                done = intake.accept(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null; // shutting down; left unacknowledged, so it is re-delivered
            } catch (RuntimeException | Error e) {
                // Whatever broke on the way in, the job ends failed with the reason, not silently dropped.
                LOG.errorf(e, "job %s could not be admitted", request.jobId());
                done = intake.fail(request, "generation failed: " + truncate(e.toString()));
            }
        }
        done.whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.errorf(error, "job of record %s failed unexpectedly", record.getKey());
                record.nack(error);
            } else if (outcome.acknowledge()) {
                record.ack();
            }
        });
        return null;
    }

    private static String truncate(String s) {
        if (s == null) {
            return "unreadable";
        }
        // Jackson appends where in the source it stopped; the reader of a job status does not need that.
        int location = s.indexOf(" at [Source:");
        String oneLine = (location > 0 ? s.substring(0, location) : s).replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_REASON_CHARS ? oneLine : oneLine.substring(0, MAX_REASON_CHARS) + "...";
    }
}
