package io.soundbox.gateway.messaging;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.soundbox.events.GenerationControl;
import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes cancel and skip commands to {@code soundbox.generation.control}, keyed by job id (so they
 * land on the partition of the job's other records), and waits for the broker's acknowledgement: a
 * success answer to the client must mean the command is durably on its way.
 */
@ApplicationScoped
public class GenerationControlPublisher {
    private static final Logger LOG = Logger.getLogger(GenerationControlPublisher.class);

    private final MutinyEmitter<GenerationControl> emitter;
    private final Duration timeout;

    public GenerationControlPublisher(@Channel("generation-control") MutinyEmitter<GenerationControl> emitter,
                                      GatewayConfig config) {
        this.emitter = emitter;
        this.timeout = config.kafka().sendTimeout();
    }

    /**
     * Blocks (worker threads only) until the broker acknowledged the command.
     *
     * @throws ControlUnavailableException when the broker refused it or did not answer in time
     */
    public void publish(GenerationControl command) {
        Message<GenerationControl> message = Message.of(command).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(command.key()).build());
        try {
            emitter.sendMessage(message).await().atMost(timeout);
        } catch (RuntimeException e) {
            LOG.warnf("Could not publish %s for job %s: %s", command.action().wireName(), command.jobId(),
                    e.toString());
            throw new ControlUnavailableException(e);
        }
    }

    /** The command did not reach the broker. */
    public static final class ControlUnavailableException extends RuntimeException {
        ControlUnavailableException(Throwable cause) {
            super("generation control unavailable", cause);
        }
    }
}
