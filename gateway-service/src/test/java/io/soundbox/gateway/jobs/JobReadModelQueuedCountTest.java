package io.soundbox.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The queued-job count is kept incrementally; it must match a scan through every kind of change. */
class JobReadModelQueuedCountTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static JobStatus status(String id, JobState state, int second) {
        return new JobStatus(1, id, "u", ModelId.MUSIC, "p", 8, state, 0, 0, null, null, null, null, null, 0,
                T0.plusSeconds(second));
    }

    private static long scan(JobReadModel m) {
        return m.unfinished().stream().filter(s -> s.state() == JobState.QUEUED).count();
    }

    @Test
    void followsQueuedRunningFinishedIgnoredAndRemovedJobs() {
        JobReadModel m = new JobReadModel(1000, Duration.ofHours(1), Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            m.apply(status("j" + i, JobState.QUEUED, 0));
        }
        m.apply(status("j0", JobState.QUEUED, 1));
        assertThat(m.queuedCount()).isEqualTo(10).isEqualTo(scan(m));
        m.apply(status("j1", JobState.GENERATING, 2));
        m.apply(status("j2", JobState.COMPLETED, 2));
        m.apply(status("j3", JobState.QUEUED, -5)); // older: ignored
        m.remove("j4");
        m.remove("no-such-job");
        m.apply(status("j1", JobState.COMPLETED, 3));
        assertThat(m.queuedCount()).isEqualTo(7).isEqualTo(scan(m));
    }

    @Test
    void evictionsAreCounted() throws Exception {
        JobReadModel m = new JobReadModel(5, Duration.ofHours(1), Duration.ofMillis(50));
        for (int i = 0; i < 40; i++) {
            m.apply(status("e" + i, JobState.QUEUED, 0));
        }
        m.size(); // runs pending maintenance
        assertThat(m.queuedCount()).isEqualTo(scan(m)).isLessThanOrEqualTo(5);
        // Expired entries leave at Caffeine's next maintenance (its timer wheel ticks about once a second).
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (m.queuedCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            m.size();
        }
        assertThat(m.queuedCount()).isZero();
    }
}
