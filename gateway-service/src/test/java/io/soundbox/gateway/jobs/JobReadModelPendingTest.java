package io.soundbox.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobReadModelPendingTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static JobStatus status(String id, String user, JobState state, Instant at) {
        return new JobStatus(1, id, user, ModelId.MUSIC, "prompt", 8, state, 0.5, 1, null, null, null, null, null, 0, at);
    }

    private final JobReadModel model = new JobReadModel(100, Duration.ofHours(6), Duration.ofDays(7));

    @Test
    void unfinishedJobsCountUntilTheyAreFinal() {
        model.apply(status("a", "u1", JobState.QUEUED, T0));
        model.apply(status("b", "u1", JobState.GENERATING, T0));
        model.apply(status("c", "u2", JobState.QUEUED, T0));
        assertThat(model.pendingCount("u1")).isEqualTo(2);
        assertThat(model.pendingCount("u2")).isEqualTo(1);

        model.apply(status("a", "u1", JobState.COMPLETED, T0.plusSeconds(1)));
        model.apply(status("b", "u1", JobState.FAILED, T0.plusSeconds(1)));
        model.remove("c");
        assertThat(model.pendingCount("u1")).isZero();
        assertThat(model.pendingCount("u2")).isZero();
        assertThat(model.pendingCount("nobody")).isZero();
    }

    @Test
    void aStaleUpdateDoesNotReviveAFinishedJob() {
        model.apply(status("a", "u1", JobState.CANCELLED, T0.plusSeconds(5)));
        model.apply(status("a", "u1", JobState.QUEUED, T0));
        assertThat(model.pendingCount("u1")).isZero();
    }

    @Test
    void reservationsRespectTheMaximumAndCanBeReleased() {
        model.apply(status("a", "u1", JobState.QUEUED, T0));
        assertThat(model.tryReservePending("u1", "b", 2)).isEqualTo(-1);
        assertThat(model.tryReservePending("u1", "c", 2)).isEqualTo(2);
        assertThat(model.pendingCount("u1")).isEqualTo(2);

        model.releasePending("u1", "b");
        assertThat(model.pendingCount("u1")).isEqualTo(1);
        // A reserved job that did get queued stays counted after a release attempt.
        assertThat(model.tryReservePending("u1", "d", 2)).isEqualTo(-1);
        model.apply(status("d", "u1", JobState.QUEUED, T0));
        model.releasePending("u1", "d");
        assertThat(model.pendingCount("u1")).isEqualTo(2);
    }

    @Test
    void concurrentReservationsNeverOvershoot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String job = "j" + i;
                results.add(pool.submit(() -> model.tryReservePending("u1", job, 5)));
            }
            int reserved = 0;
            for (Future<Integer> f : results) {
                reserved += f.get(10, TimeUnit.SECONDS) == -1 ? 1 : 0;
            }
            assertThat(reserved).isEqualTo(5);
            assertThat(model.pendingCount("u1")).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void evictedJobsStopCounting() {
        JobReadModel small = new JobReadModel(2, Duration.ofHours(6), Duration.ofDays(7));
        for (int i = 0; i < 50; i++) {
            small.apply(status("j" + i, "u1", JobState.QUEUED, T0));
        }
        small.size(); // runs pending maintenance, evictions included
        assertThat(small.pendingCount("u1")).isLessThanOrEqualTo(2);
    }
}
