package io.soundbox.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.gateway.files.FileUrlSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class JobNotificationsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final FileUrlSigner LINKS = new FileUrlSigner(new byte[32], CLOCK, Duration.ofDays(7));
    private static final UnaryOperator<String> SIGN = f -> LINKS.sign("/audio/", f).url();

    private static JobStatus queued(String user, Instant at) {
        return JobStatus.queued(new GenerationRequested(SchemaVersion.CURRENT, "job-1", user, "premium", 2,
                ModelId.MUSIC, "gentle rain on a tin roof", 8, false, null, at), 1, null, at);
    }

    @Test
    void completedJobsOfAccountsAreAnnouncedWithALinkThatOpensAPrivateFileForAWeek() {
        JobStatus done = queued("v-42", NOW).completed("job-1.wav", "job-1.png", null, NOW);
        var n = JobNotifications.notificationFor(done, CLOCK, MAX_AGE, SIGN).orElseThrow();
        assertThat(n.userId()).isEqualTo("v-42");
        assertThat(n.type()).isEqualTo("soundbox.generation.completed");
        assertThat(n.message()).contains("gentle rain on a tin roof");
        assertThat(n.data()).containsEntry("job_id", "job-1").containsEntry("model", "music");
        String url = (String) n.data().get("audio_url");
        assertThat(url).startsWith("/audio/job-1.wav?exp=");
        String exp = url.substring(url.indexOf("exp=") + 4, url.indexOf("&sig="));
        String sig = url.substring(url.indexOf("sig=") + 4);
        assertThat(LINKS.verify("job-1.wav", exp, sig)).isEqualTo(FileUrlSigner.Verdict.VALID);
        assertThat(Long.parseLong(exp)).isEqualTo(NOW.plus(Duration.ofDays(7)).getEpochSecond());
        FileUrlSigner aWeekLater = new FileUrlSigner(new byte[32], Clock.fixed(NOW.plus(Duration.ofDays(7))
                .plusSeconds(1), ZoneOffset.UTC), Duration.ofHours(1));
        assertThat(aWeekLater.verify("job-1.wav", exp, sig)).isEqualTo(FileUrlSigner.Verdict.EXPIRED);
        assertThat(LINKS.verify("job-2.wav", exp, sig)).isEqualTo(FileUrlSigner.Verdict.INVALID);
    }

    @Test
    void failuresCarryTheError() {
        JobStatus failed = queued("v-42", NOW).failed("engine crashed", NOW);
        var n = JobNotifications.notificationFor(failed, CLOCK, MAX_AGE, SIGN).orElseThrow();
        assertThat(n.type()).isEqualTo("soundbox.generation.failed");
        assertThat(n.data()).containsEntry("error", "engine crashed");
    }

    @Test
    void guestsUnfinishedAndOldJobsAreNotAnnounced() {
        assertThat(JobNotifications.notificationFor(queued("guest-abc", NOW).failed("x", NOW), CLOCK, MAX_AGE,
                SIGN)).isEmpty();
        assertThat(JobNotifications.notificationFor(queued("v-1", NOW).advance(JobState.GENERATING, 50, NOW),
                CLOCK, MAX_AGE, SIGN)).isEmpty();
        Instant old = NOW.minus(Duration.ofHours(1));
        assertThat(JobNotifications.notificationFor(queued("v-1", old).failed("x", old), CLOCK, MAX_AGE, SIGN))
                .isEmpty();
    }
}
