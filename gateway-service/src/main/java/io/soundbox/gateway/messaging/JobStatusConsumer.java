package io.soundbox.gateway.messaging;

import io.soundbox.events.JobStatus;
import io.soundbox.gateway.jobs.JobReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the job read model from {@code soundbox.job.status}. Each gateway instance reads the whole
 * compacted topic with its own consumer group (see application.properties), so every replica knows
 * every job. Updates are in-memory only, so this runs on the consumer thread without blocking it.
 */
@ApplicationScoped
public class JobStatusConsumer {
    private static final Logger LOG = Logger.getLogger(JobStatusConsumer.class);

    private final JobReadModel readModel;

    public JobStatusConsumer(JobReadModel readModel) {
        this.readModel = readModel;
    }

    @Incoming("job-status")
    public void onStatus(ConsumerRecord<String, JobStatus> record) {
        try {
            JobStatus status = record.value();
            if (status == null) {
                // A tombstone, or a poison record the failure handler already logged. Tombstones are
                // ignored rather than applied: the read model's own expiry forgets old jobs.
                return;
            }
            if (record.key() != null && !record.key().equals(status.jobId())) {
                LOG.warnf("Skipping job status at %s-%d@%d: key %s does not match job id %s", record.topic(),
                        record.partition(), record.offset(), record.key(), status.jobId());
                return;
            }
            readModel.apply(status);
        } catch (RuntimeException e) {
            // Never fail the channel: a poison record must not stop the read model.
            LOG.errorf(e, "Skipping unusable job status at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
