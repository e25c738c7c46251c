package io.soundbox.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A running job whose status stops being renewed reads as failed ("runner lost") and counts nowhere. */
class JobReadModelRunnerLostTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();
    private final JobReadModel model = new JobReadModel(100, Duration.ofHours(6), Duration.ofDays(7),
            Duration.ofSeconds(90), clock);

    private static JobStatus status(String id, JobState state, Instant at) {
        return new JobStatus(1, id, "u1", ModelId.MUSIC, "prompt", 300, state, 0.74, 0, null, null, null, null, null, 0, at);
    }

    @Test
    void aGeneratingJobWithoutHeartbeatsIsShownFailedAndNotCounted() {
        model.apply(status("lost", JobState.GENERATING, T0));
        model.apply(status("waiting", JobState.QUEUED, T0));
        assertThat(model.find("lost")).map(JobStatus::state).contains(JobState.GENERATING);
        assertThat(model.pendingCount("u1")).isEqualTo(2);

        clock.now = T0.plusSeconds(89);
        assertThat(model.find("lost")).map(JobStatus::state).contains(JobState.GENERATING);

        clock.now = T0.plusSeconds(91);
        JobStatus seen = model.find("lost").orElseThrow();
        assertThat(seen.state()).isEqualTo(JobState.FAILED);
        assertThat(seen.error()).startsWith("runner lost");
        assertThat(model.unfinished()).extracting(JobStatus::jobId).containsExactly("waiting");
        assertThat(model.pendingCount("u1")).isEqualTo(1);
        // A queued job is not "running": Kafka still holds its request for whichever replica is alive.
        assertThat(model.find("waiting")).map(JobStatus::state).contains(JobState.QUEUED);
        // The user's limit no longer counts it either.
        assertThat(model.tryReservePending("u1", "next", 2)).isEqualTo(-1);
    }

    @Test
    void heartbeatsKeepARunningJobAliveAndARerunReplacesTheVerdict() {
        model.apply(status("beat", JobState.GENERATING, T0));
        for (int i = 1; i <= 10; i++) {
            clock.now = T0.plusSeconds(15L * i);
            model.apply(status("beat", JobState.GENERATING, clock.now));
        }
        clock.now = T0.plusSeconds(15L * 10 + 60);
        assertThat(model.find("beat")).map(JobStatus::state).contains(JobState.GENERATING);

        clock.now = clock.now.plusSeconds(60);
        assertThat(model.find("beat")).map(JobStatus::state).contains(JobState.FAILED);
        // Another replica got the re-delivered request and runs it: its fresh status is what readers see.
        model.apply(status("beat", JobState.GENERATING, clock.now));
        assertThat(model.find("beat")).map(JobStatus::state).contains(JobState.GENERATING);
        assertThat(model.unfinished()).extracting(JobStatus::jobId).containsExactly("beat");
    }
}
