package io.soundbox.gateway.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.soundbox.events.JobStatus;
import io.soundbox.gateway.notify.JobNotifications;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Announces finished jobs to their owners from {@code soundbox.job.status}, through ONE consumer group
 * shared by every gateway replica with committed offsets (see application.properties): each final status
 * is handled by one replica, and a restarted gateway goes on where the group stopped instead of
 * announcing again what the read model replays. (At-least-once: a crash between sending and committing
 * may repeat one notification.) A job whose final status is published twice is announced once here.
 */
@ApplicationScoped
public class JobNotificationConsumer {
    private static final Logger LOG = Logger.getLogger(JobNotificationConsumer.class);

    private final JobNotifications notifications;
    private final Cache<String, Boolean> announced = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    public JobNotificationConsumer(JobNotifications notifications) {
        this.notifications = notifications;
    }

    @Incoming("job-status-notify")
    public void onStatus(ConsumerRecord<String, JobStatus> record) {
        JobStatus status = record.value();
        if (status == null || status.jobId() == null || !status.state().isFinal()) {
            return;
        }
        try {
            if (announced.asMap().putIfAbsent(status.jobId(), Boolean.TRUE) == null) {
                notifications.jobFinished(status);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Skipping unusable job status at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
