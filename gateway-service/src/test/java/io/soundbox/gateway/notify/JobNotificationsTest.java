package io.soundbox.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobNotificationsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private static JobStatus queued(String user, Instant at) {
        return JobStatus.queued(new GenerationRequested(SchemaVersion.CURRENT, "job-1", user, "premium", 2,
                ModelId.MUSIC, "gentle rain on a tin roof", 8, false, null, at), 1, null, at);
    }

    @Test
    void completedJobsOfAccountsAreAnnounced() {
        JobStatus done = queued("v-42", NOW).completed("job-1.wav", "job-1.png", null, NOW);
        var n = JobNotifications.notificationFor(done, CLOCK, MAX_AGE).orElseThrow();
        assertThat(n.userId()).isEqualTo("v-42");
        assertThat(n.type()).isEqualTo("soundbox.generation.completed");
        assertThat(n.message()).contains("gentle rain on a tin roof");
        assertThat(n.data()).containsEntry("job_id", "job-1").containsEntry("audio_url", "/audio/job-1.wav")
                .containsEntry("model", "music");
    }

    @Test
    void failuresCarryTheError() {
        JobStatus failed = queued("v-42", NOW).failed("engine crashed", NOW);
        var n = JobNotifications.notificationFor(failed, CLOCK, MAX_AGE).orElseThrow();
        assertThat(n.type()).isEqualTo("soundbox.generation.failed");
        assertThat(n.data()).containsEntry("error", "engine crashed");
    }

    @Test
    void guestsUnfinishedAndOldJobsAreNotAnnounced() {
        assertThat(JobNotifications.notificationFor(queued("guest-abc", NOW).failed("x", NOW), CLOCK, MAX_AGE))
                .isEmpty();
        assertThat(JobNotifications.notificationFor(queued("v-1", NOW).advance(JobState.GENERATING, 50, NOW),
                CLOCK, MAX_AGE)).isEmpty();
        Instant old = NOW.minus(Duration.ofHours(1));
        assertThat(JobNotifications.notificationFor(queued("v-1", old).failed("x", old), CLOCK, MAX_AGE)).isEmpty();
    }
}
