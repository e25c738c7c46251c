package io.soundbox.generation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.WavCodec;
import io.soundbox.audio.loudness.LoudnessMeter;
import io.soundbox.audio.loudness.LoudnessNormalizer;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.audio.spectrogram.SpectrogramRenderer;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.job.FinishedJobs;
import io.soundbox.generation.job.JobEvents;
import io.soundbox.generation.job.JobOutcome;
import io.soundbox.generation.job.JobRunner;
import io.soundbox.generation.store.AudioStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality step inside a job run: analyzing, retry with a new seed, loudness, spectrogram, events. */
class QualityStepTest {
    @TempDir
    Path dir;
    private final List<Object> published = new ArrayList<>();
    private final JobEvents events = new JobEvents() {
        @Override
        public synchronized void publish(JobStatus status) {
            published.add(status);
        }

        @Override
        public synchronized void publish(AudioCreated audio) {
            published.add(audio);
        }
    };

    @Test
    void aSilentFirstAttemptIsRetriedAndTheStoredClipCarriesItsQualityAndSpectrogram() throws Exception {
        AudioStore store = AudioStore.open(dir);
        ScriptedEngine engine = new ScriptedEngine(ScriptedEngine.SILENCE, ScriptedEngine.TONE);
        JobRunner runner = new JobRunner(new EngineCatalog(Map.of(ModelId.MUSIC, engine)), store, events,
                new FinishedJobs(10), Clock.systemUTC(), new QualityRetry(new QualityAnalyzer(), 3, 50),
                ClipWriter.defaults(store));

        assertThat(runner.run(request("job-q1"), CancellationCheck.NEVER)).isEqualTo(JobOutcome.COMPLETED);

        List<JobStatus> statuses = published.stream().filter(JobStatus.class::isInstance).map(JobStatus.class::cast).toList();
        assertThat(statuses).extracting(JobStatus::state).containsSubsequence(JobState.GENERATING,
                JobState.ANALYZING, JobState.GENERATING, JobState.ANALYZING, JobState.COMPLETED);
        JobStatus completed = statuses.get(statuses.size() - 1);
        assertThat(completed.retryCount()).isEqualTo(1);
        assertThat(completed.spectrogram()).isEqualTo("job-q1.png");
        assertThat(completed.quality().score()).isEqualTo(100);
        assertThat(completed.quality().isGood()).isTrue();

        AudioCreated audio = published.stream().filter(AudioCreated.class::isInstance).map(AudioCreated.class::cast)
                .findFirst().orElseThrow();
        assertThat(audio.qualityScore()).isEqualTo(100);
        assertThat(audio.spectrogram()).isEqualTo("job-q1.png");

        assertThat(ImageIO.read(store.spectrogramPath("job-q1").toFile()).getWidth()).isEqualTo(1000);
        // Stored loudness-normalised: the tone was made at 0.3 peak (about -13.5 LUFS) and lands at -14.
        double lufs = new LoudnessMeter().integratedLufs(WavCodec.read(store.pathOf("job-q1")));
        assertThat(lufs).isBetween(-14.3, -13.7);
        // No temporary file left; the service's hidden bookkeeping directory holds nothing for a finished job.
        try (var files = Files.list(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("job-q1.wav", "job-q1.png");
        }
        try (var runs = Files.list(dir.resolve(".runs"))) {
            assertThat(runs).isEmpty();
        }
    }

    @Test
    void aReplayReportsTheStoredClipsQualityAndSpectrogram() throws Exception {
        AudioStore store = AudioStore.open(dir);
        ScriptedEngine engine = new ScriptedEngine(ScriptedEngine.TONE);
        JobRunner runner = new JobRunner(new EngineCatalog(Map.of(ModelId.MUSIC, engine)), store, events,
                new FinishedJobs(10), Clock.systemUTC(), new QualityRetry(new QualityAnalyzer(), 1, 50),
                new ClipWriter(store, LoudnessNormalizer.DEFAULT, SpectrogramRenderer.DEFAULT));
        runner.run(request("job-q2"), CancellationCheck.NEVER);
        published.clear();

        // Another instance (fresh memory) gets the same job again: it announces, it does not regenerate.
        JobRunner restarted = new JobRunner(new EngineCatalog(Map.of(ModelId.MUSIC, engine)), store, events,
                new FinishedJobs(10), Clock.systemUTC());
        assertThat(restarted.run(request("job-q2"), CancellationCheck.NEVER)).isEqualTo(JobOutcome.COMPLETED);
        assertThat(engine.seeds).hasSize(1);
        JobStatus completed = (JobStatus) published.get(0);
        assertThat(completed.spectrogram()).isEqualTo("job-q2.png");
        assertThat(completed.quality().score()).isEqualTo(100);
    }

    private static GenerationRequested request(String id) {
        return new GenerationRequested(SchemaVersion.CURRENT, id, "user-1", "free", 4, ModelId.MUSIC, "a test tone",
                1, false, 5L, Instant.now());
    }
}
