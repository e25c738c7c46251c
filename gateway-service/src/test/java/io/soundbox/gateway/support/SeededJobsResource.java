package io.soundbox.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.QualityReport;
import io.soundbox.events.TopicSpec;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.TopicBootstrap;
import io.soundbox.testsupport.KafkaBroker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes job statuses to {@code soundbox.job.status} BEFORE the gateway under test starts, the way
 * generation-service left them before a gateway restart: several records per job, the last one wins.
 * The job ids go to the test through {@code test.seeded.*} properties.
 */
public class SeededJobsResource implements QuarkusTestResourceLifecycleManager {
    public static final String USER = "seeded-user";

    @Override
    public Map<String, String> start() {
        String bootstrap = KafkaBroker.bootstrapServers();
        try {
            TopicBootstrap.ensure(bootstrap, TopicSpec.ALL, (short) 1, 20_000);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics", e);
        }
        String completed = "seeded-done-" + UUID.randomUUID();
        String running = "seeded-running-" + UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(120);
        JobStatus queued = new JobStatus(1, completed, USER, ModelId.MUSIC, "seeded before the restart", 8,
                JobState.QUEUED, 0, 3, 40, null, null, null, null, 0, t0);
        KafkaBroker.publish(Topics.JOB_STATUS, queued);
        KafkaBroker.publish(Topics.JOB_STATUS, queued.advance(JobState.GENERATING, 0.5, t0.plusSeconds(10)));
        KafkaBroker.publish(Topics.JOB_STATUS, queued.completed(completed + ".wav", completed + ".png",
                new QualityReport(91, List.of(), true), t0.plusSeconds(20)));
        JobStatus other = new JobStatus(1, running, USER, ModelId.AUDIO, "still running", 5, JobState.QUEUED, 0,
                1, null, null, null, null, null, 0, t0);
        KafkaBroker.publish(Topics.JOB_STATUS, other);
        KafkaBroker.publish(Topics.JOB_STATUS, other.advance(JobState.GENERATING, 0.25, t0.plusSeconds(30)));
        return Map.of("test.seeded.completed", completed, "test.seeded.running", running);
    }

    @Override
    public void stop() {
        // The records stay on the shared broker; ids are unique.
    }
}
