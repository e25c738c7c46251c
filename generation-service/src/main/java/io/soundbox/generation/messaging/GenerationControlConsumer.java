package io.soundbox.generation.messaging;

import io.smallrye.common.annotation.Blocking;
import io.soundbox.events.EventJson;
import io.soundbox.events.GenerationControl;
import io.soundbox.generation.job.ControlResult;
import io.soundbox.generation.job.JobQueue;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code soundbox.generation.control}: cancel and skip commands. Every instance has its own
 * consumer group, so every instance sees every command and acts on the jobs it holds; a command for a
 * job not held here is remembered for a while (its request may still be on its way). Blocking: a
 * cancel publishes the job's final status and waits for the broker.
 */
@ApplicationScoped
public class GenerationControlConsumer {
    private static final Logger LOG = Logger.getLogger(GenerationControlConsumer.class);

    private final JobQueue queue;

    public GenerationControlConsumer(JobQueue queue) {
        this.queue = queue;
    }

    @Incoming("generation-control")
    @Blocking
    public void onControl(byte[] payload) {
        if (payload == null) {
            return; // a tombstone
        }
        try {
            apply(EventJson.fromBytes(payload, GenerationControl.class));
        } catch (EventJson.EventFormatException | IllegalArgumentException | NullPointerException e) {
            LOG.warnf("skipping malformed control record: %s", e.getMessage());
        }
    }

    void apply(GenerationControl control) {
        ControlResult result = switch (control.action()) {
            case CANCEL -> queue.cancel(control.jobId());
            case SKIP -> queue.skip(control.jobId());
        };
        if (result != ControlResult.NOT_HELD) {
            LOG.infof("%s of job %s: %s", control.action().wireName(), control.jobId(), result.name().toLowerCase());
        }
    }
}
