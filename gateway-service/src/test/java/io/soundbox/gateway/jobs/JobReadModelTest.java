package io.soundbox.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobReadModelTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static JobStatus status(String id, JobState state, Instant at) {
        return new JobStatus(1, id, "u1", ModelId.MUSIC, "prompt", 8, state, 0.5, state == JobState.QUEUED ? 3 : 0,
                null, state == JobState.COMPLETED ? id + ".wav" : null, null, null, null, 0, at);
    }

    private final JobReadModel model = new JobReadModel(100, Duration.ofHours(6), Duration.ofDays(7));

    @Test
    void newerUpdatesWin() {
        assertThat(model.apply(status("j", JobState.QUEUED, T0))).isTrue();
        assertThat(model.apply(status("j", JobState.GENERATING, T0.plusSeconds(5)))).isTrue();
        assertThat(model.find("j")).get().extracting(JobStatus::state).isEqualTo(JobState.GENERATING);
    }

    @Test
    void olderUpdatesNeverOverwrite() {
        model.apply(status("j", JobState.GENERATING, T0.plusSeconds(5)));
        assertThat(model.apply(status("j", JobState.QUEUED, T0))).isFalse();
        assertThat(model.find("j")).get().extracting(JobStatus::state).isEqualTo(JobState.GENERATING);
    }

    @Test
    void finalStatesNeverGoBack() {
        model.apply(status("j", JobState.COMPLETED, T0));
        assertThat(model.apply(status("j", JobState.GENERATING, T0.plusSeconds(60)))).isFalse();
        assertThat(model.find("j")).get().extracting(JobStatus::state).isEqualTo(JobState.COMPLETED);
        // A newer final state (a retry's result, a cancel after failure) may still replace it.
        assertThat(model.apply(status("j", JobState.FAILED, T0.plusSeconds(60)))).isTrue();
    }

    @Test
    void countsQueuedJobsAndStaysBounded() {
        JobReadModel small = new JobReadModel(10, Duration.ofHours(6), Duration.ofDays(7));
        for (int i = 0; i < 50; i++) {
            small.apply(status("j" + i, JobState.QUEUED, T0));
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
        assertThat(small.queuedCount()).isLessThanOrEqualTo(10).isPositive();
    }

    @Test
    void finishedJobsExpire() throws Exception {
        JobReadModel shortLived = new JobReadModel(10, Duration.ofMillis(50), Duration.ofDays(1));
        shortLived.apply(status("done", JobState.COMPLETED, T0));
        shortLived.apply(status("busy", JobState.GENERATING, T0));
        Thread.sleep(200);
        assertThat(shortLived.find("done")).isEmpty();
        assertThat(shortLived.find("busy")).isPresent();
    }

    @Test
    void viewMapsProgressToOneBar() {
        assertThat(JobView.overallPercent(JobState.QUEUED, 0.7)).isZero();
        assertThat(JobView.overallPercent(JobState.LOADING, 0.5)).isEqualTo(5);
        assertThat(JobView.overallPercent(JobState.GENERATING, 0.0)).isEqualTo(10);
        assertThat(JobView.overallPercent(JobState.GENERATING, 0.5)).isEqualTo(50);
        assertThat(JobView.overallPercent(JobState.ANALYZING, 1.0)).isEqualTo(99);
        assertThat(JobView.overallPercent(JobState.COMPLETED, 0)).isEqualTo(100);
        assertThat(JobView.overallPercent(JobState.GENERATING, Double.NaN)).isEqualTo(10);
        assertThat(JobView.overallPercent(JobState.GENERATING, 7)).isEqualTo(90);

        JobView done = JobView.of(status("j", JobState.COMPLETED, T0));
        assertThat(done.audioUrl()).isEqualTo("/audio/j.wav");
        assertThat(done.status()).isEqualTo("completed");
        JobView queued = JobView.of(status("q", JobState.QUEUED, T0));
        assertThat(queued.position()).isEqualTo(3);
        assertThat(queued.audioUrl()).isNull();
    }
}
