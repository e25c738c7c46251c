package io.soundbox.gateway.messaging;

import io.soundbox.events.GenerationControl;
import io.soundbox.gateway.queue.SkipLedger;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code soundbox.generation.control} back (every instance from the start, like the status
 * topic) so that a job skipped through any gateway replica, or before a restart, counts as skipped
 * here too: a job skips the queue once. In memory only, so it runs on the consumer thread.
 */
@ApplicationScoped
public class GenerationControlConsumer {
    private static final Logger LOG = Logger.getLogger(GenerationControlConsumer.class);

    private final SkipLedger ledger;

    public GenerationControlConsumer(SkipLedger ledger) {
        this.ledger = ledger;
    }

    @Incoming("generation-control-seen")
    public void onControl(ConsumerRecord<String, GenerationControl> record) {
        try {
            GenerationControl command = record.value();
            if (command != null && command.action() == GenerationControl.Action.SKIP) {
                ledger.markSkipped(command.jobId());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Skipping unusable control record at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
