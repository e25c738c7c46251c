package io.soundbox.gateway.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.soundbox.events.GenerationRequested;
import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes generation requests to {@code soundbox.generation.requested}, keyed by job id, and waits
 * for the broker's acknowledgement: a 202 to the client must mean the job is durably queued.
 */
@ApplicationScoped
public class GenerationRequestPublisher {
    private static final Logger LOG = Logger.getLogger(GenerationRequestPublisher.class);

    private final MutinyEmitter<GenerationRequested> emitter;
    private final Duration timeout;

    public GenerationRequestPublisher(@Channel("generation-requested") MutinyEmitter<GenerationRequested> emitter,
                                      GatewayConfig config) {
        this.emitter = emitter;
        this.timeout = config.kafka().sendTimeout();
    }

    /**
     * Blocks (worker threads only) until the broker acknowledged the record.
     *
     * @throws QueueUnavailableException when the broker refused it or did not answer in time
     */
    public void publish(GenerationRequested request) {
        Message<GenerationRequested> message = Message.of(request).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(request.key()).build());
        try {
            emitter.sendMessage(message).await().atMost(timeout);
        } catch (RuntimeException e) {
            // Timeouts, nacks (broker down, delivery.timeout.ms passed) and a full emitter buffer all
            // mean the same to the client: nothing was queued.
            LOG.warnf("Could not queue job %s: %s", request.jobId(), e.toString());
            throw new QueueUnavailableException(e);
        }
    }

    /** The request did not reach the broker. */
    public static final class QueueUnavailableException extends RuntimeException {
        QueueUnavailableException(Throwable cause) {
            super("generation queue unavailable", cause);
        }
    }
}
