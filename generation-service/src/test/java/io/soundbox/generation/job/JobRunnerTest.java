package io.soundbox.generation.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.engine.procedural.SfxEngine;
import io.soundbox.generation.store.AudioStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {
    @TempDir
    Path dir;
    private final RecordingJobEvents events = new RecordingJobEvents();
    private final AtomicInteger generations = new AtomicInteger();
    private final AudioEngine countingMusic = new AudioEngine() {
        private final MusicEngine real = new MusicEngine();

        public String name() {
            return real.name();
        }

        public int sampleRate() {
            return real.sampleRate();
        }

        public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
            generations.incrementAndGet();
            if (input.prompt().contains("explode")) {
                throw new IllegalStateException("engine exploded");
            }
            return real.generate(input, progress, cancelled);
        }
    };
    private AudioStore store;
    private JobRunner runner;

    @BeforeEach
    void setUp() {
        store = AudioStore.open(dir.resolve("audio"));
        EngineCatalog engines = new EngineCatalog(Map.of(ModelId.MUSIC, countingMusic, ModelId.AUDIO, new SfxEngine()));
        runner = new JobRunner(engines, store, events, new FinishedJobs(100), Clock.systemUTC());
    }

    static GenerationRequested request(String jobId, ModelId model, String prompt, int seconds) {
        return new GenerationRequested(SchemaVersion.CURRENT, jobId, "user-1", "free", 4, model, prompt, seconds,
                true, null, Instant.now());
    }

    @Test
    void generatesStoresAndAnnouncesTheFile() throws Exception {
        JobOutcome outcome = runner.run(request("job-a", ModelId.MUSIC, "happy upbeat pop", 6), CancellationCheck.NEVER);

        assertThat(outcome).isEqualTo(JobOutcome.COMPLETED);
        assertThat(WavCodec.read(store.pathOf("job-a")).durationSeconds()).isEqualTo(6.0);
        assertThat(events.states("job-a")).startsWith(JobState.GENERATING).endsWith(JobState.COMPLETED)
                .contains(JobState.GENERATING, JobState.GENERATING);
        JobStatus completed = events.statuses("job-a").get(events.statuses("job-a").size() - 1);
        assertThat(completed.filename()).isEqualTo("job-a.wav");
        assertThat(completed.progress()).isEqualTo(1.0);
        AudioCreated audio = events.audio("job-a").get(0);
        assertThat(audio.generationId()).isEqualTo("job-a");
        assertThat(audio.kind()).isEqualTo(AudioKind.MUSIC);
        assertThat(audio.model()).isEqualTo("music");
        assertThat(audio.durationSeconds()).isEqualTo(6.0);
        assertThat(audio.sampleRate()).isEqualTo(32_000);
        assertThat(audio.isPublic()).isTrue();
        assertThat(audio.loop()).isTrue();
        assertThat(audio.userId()).isEqualTo("user-1");
        assertThat(audio.createdAt()).isEqualTo(Files.getLastModifiedTime(store.pathOf("job-a")).toInstant());
    }

    @Test
    void thePublishedAudioKeepsTheOwnersVisibility() {
        GenerationRequested open = request("job-open", ModelId.AUDIO, "rain", 2);
        GenerationRequested kept = new GenerationRequested(SchemaVersion.CURRENT, "job-private", "user-1", "free", 4,
                ModelId.AUDIO, "rain", 2, false, null, Instant.now(), false);
        // Events written before the field existed carry no visibility: they were all public.
        GenerationRequested older = new GenerationRequested(SchemaVersion.CURRENT, "job-older", "user-1", "free", 4,
                ModelId.AUDIO, "rain", 2, false, null, Instant.now(), null);

        for (GenerationRequested r : List.of(open, kept, older)) {
            assertThat(runner.run(r, CancellationCheck.NEVER)).isEqualTo(JobOutcome.COMPLETED);
        }

        assertThat(events.audio("job-open")).singleElement().extracting(AudioCreated::isPublic).isEqualTo(true);
        assertThat(events.audio("job-private")).singleElement().extracting(AudioCreated::isPublic).isEqualTo(false);
        assertThat(events.audio("job-older")).singleElement().extracting(AudioCreated::isPublic).isEqualTo(true);
    }

    @Test
    void progressStatusesRiseInSteps() {
        runner.run(request("job-p", ModelId.AUDIO, "rain", 5), CancellationCheck.NEVER);
        var progress = events.statuses("job-p").stream().filter(s -> s.state() == JobState.GENERATING)
                .map(JobStatus::progress).toList();
        assertThat(progress).hasSizeBetween(3, 6).isSorted().doesNotHaveDuplicates();
        assertThat(progress.get(0)).isEqualTo(0.0);
    }

    @Test
    void aRepeatedJobIsAnsweredFromTheStoredFileWithoutGeneratingAgain() throws Exception {
        GenerationRequested r = request("job-b", ModelId.MUSIC, "calm piano", 2);
        runner.run(r, CancellationCheck.NEVER);
        Path file = store.pathOf("job-b");
        FileTime written = Files.getLastModifiedTime(file);
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        events.clear();

        // A fresh runner (as after a restart) finds the file; the in-memory set is not needed for that.
        JobRunner restarted = new JobRunner(new EngineCatalog(Map.of(ModelId.MUSIC, countingMusic)), store, events,
                new FinishedJobs(10), Clock.systemUTC());
        assertThat(restarted.run(r, CancellationCheck.NEVER)).isEqualTo(JobOutcome.COMPLETED);

        assertThat(generations).hasValue(1);
        assertThat(events.states("job-b")).containsExactly(JobState.COMPLETED);
        assertThat(events.audio("job-b")).singleElement().satisfies(a -> assertThat(a.durationSeconds()).isEqualTo(2.0));
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
    }

    @Test
    void anEngineFailureIsAnnouncedAndRememberedSoItIsNotRetriedOnRedelivery() {
        GenerationRequested r = request("job-c", ModelId.MUSIC, "explode please", 2);
        assertThat(runner.run(r, CancellationCheck.NEVER)).isEqualTo(JobOutcome.FAILED);
        assertThat(runner.run(r, CancellationCheck.NEVER)).isEqualTo(JobOutcome.FAILED);

        assertThat(generations).hasValue(1);
        assertThat(events.statuses("job-c")).filteredOn(s -> s.state() == JobState.FAILED).hasSize(2)
                .allSatisfy(s -> assertThat(s.error()).contains("engine exploded"));
        assertThat(events.audio("job-c")).isEmpty();
        assertThat(store.contains("job-c")).isFalse();
    }

    @Test
    void stoppingAbortsWithoutAFinalStatusOrFile() {
        AtomicInteger polls = new AtomicInteger();
        JobOutcome outcome = runner.run(request("job-d", ModelId.MUSIC, "long epic", 120), () -> polls.incrementAndGet() > 1);
        assertThat(outcome).isEqualTo(JobOutcome.ABORTED);
        assertThat(outcome.acknowledge()).isFalse();
        assertThat(events.states("job-d")).doesNotContain(JobState.FAILED, JobState.COMPLETED);
        assertThat(store.contains("job-d")).isFalse();
    }

    @Test
    void theSeedDefaultsToAStableHashOfTheJobId() {
        assertThat(JobRunner.inputOf(request("job-e", ModelId.MUSIC, "x", 1)).seed())
                .isEqualTo(JobRunner.inputOf(request("job-e", ModelId.MUSIC, "y", 3)).seed())
                .isNotEqualTo(JobRunner.inputOf(request("job-f", ModelId.MUSIC, "x", 1)).seed());
    }
}
