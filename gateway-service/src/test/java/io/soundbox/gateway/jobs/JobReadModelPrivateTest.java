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
import org.junit.jupiter.api.Test;

/** Pending private jobs, for the private storage limit of issue #9. */
class JobReadModelPrivateTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static JobStatus status(String id, String user, JobState state, Instant at) {
        return new JobStatus(1, id, user, ModelId.MUSIC, "prompt", 8, state, 0.5, 1, null, null, null, null, null, 0, at);
    }

    private final JobReadModel model = new JobReadModel(100, Duration.ofHours(6), Duration.ofDays(7));

    @Test
    void privateJobsCountUntilTheyAreFinal() {
        assertThat(model.tryReservePrivate("u1", "p1", 2)).isEqualTo(-1);
        model.apply(status("p1", "u1", JobState.QUEUED, T0));
        assertThat(model.tryReservePrivate("u1", "p2", 2)).isEqualTo(-1);
        model.apply(status("p2", "u1", JobState.QUEUED, T0));
        model.apply(status("pub", "u1", JobState.QUEUED, T0));
        assertThat(model.pendingPrivateCount("u1")).isEqualTo(2);
        assertThat(model.pendingCount("u1")).isEqualTo(3);
        assertThat(model.tryReservePrivate("u1", "p3", 2)).as("blocked by two").isEqualTo(2);
        assertThat(model.pendingCount("u1")).as("a refused job is not pending").isEqualTo(3);

        model.apply(status("p1", "u1", JobState.COMPLETED, T0.plusSeconds(1)));
        assertThat(model.pendingPrivateCount("u1")).isEqualTo(1);
        assertThat(model.tryReservePrivate("u1", "p3", 2)).isEqualTo(-1);
        model.remove("p2");
        assertThat(model.pendingPrivateCount("u1")).isEqualTo(1);
        assertThat(model.pendingPrivateCount("u2")).isZero();
    }

    @Test
    void privateJobsAnotherGatewayTookCountFromTheirStatuses() {
        // A fresh model, as on a second replica or after a restart: only the status topic tells.
        JobStatus elsewhere = new JobStatus(1, "p9", "u1", ModelId.MUSIC, "prompt", 8, JobState.QUEUED, 0, 1, null,
                null, null, null, null, 0, T0, false);
        model.apply(elsewhere);
        model.apply(status("pub", "u1", JobState.QUEUED, T0));
        assertThat(model.pendingPrivateCount("u1")).isEqualTo(1);
        assertThat(model.tryReservePrivate("u1", "p10", 1)).as("the other gateway's job fills the room").isEqualTo(1);

        model.apply(elsewhere.advance(JobState.GENERATING, 0.2, T0.plusSeconds(1)));
        assertThat(model.pendingPrivateCount("u1")).as("visibility travels with every status").isEqualTo(1);
        model.apply(elsewhere.completed("p9.wav", null, null, T0.plusSeconds(2)));
        assertThat(model.pendingPrivateCount("u1")).isZero();
        assertThat(model.tryReservePrivate("u1", "p10", 1)).isEqualTo(-1);
    }

    @Test
    void noRoomAtAllRefusesTheFirstAndAReleasedReservationFreesItsPlace() {
        assertThat(model.tryReservePrivate("u1", "p1", 0)).isEqualTo(0);
        assertThat(model.tryReservePrivate("u1", "p1", 1)).isEqualTo(-1);
        assertThat(model.pendingPrivateCount("u1")).isEqualTo(1);
        model.releasePending("u1", "p1");
        assertThat(model.pendingPrivateCount("u1")).isZero();
        assertThat(model.pendingCount("u1")).isZero();
    }

    @Test
    void concurrentReservationsNeverOvershoot() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String id = "job-" + i;
                results.add(pool.submit(() -> model.tryReservePrivate("u1", id, 5)));
            }
            long reserved = 0;
            for (Future<Long> f : results) {
                reserved += f.get() == -1 ? 1 : 0;
            }
            assertThat(reserved).isEqualTo(5);
            assertThat(model.pendingPrivateCount("u1")).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }
}
