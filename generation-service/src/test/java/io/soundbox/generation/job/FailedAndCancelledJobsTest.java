package io.soundbox.generation.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.engine.procedural.SfxEngine;
import io.soundbox.generation.model.LifecycleListener;
import io.soundbox.generation.model.MemoryProbe;
import io.soundbox.generation.model.ModelLifecycle;
import io.soundbox.generation.model.ModelLoader;
import io.soundbox.generation.model.ModelSpec;
import io.soundbox.generation.scheduler.JobScheduler;
import io.soundbox.generation.scheduler.SchedulingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs end in a final state whatever happens: an engine's {@link Error} fails the job with a reason
 * (and its record is acknowledged), a cancel stops it while loading, generating or analysing, and a
 * running job's status is renewed (its heartbeat) until its final status, never after.
 */
class FailedAndCancelledJobsTest {
    @TempDir
    Path dir;
    private final WatchedEvents events = new WatchedEvents();
    private JobQueue queue;

    @AfterEach
    void tearDown() {
        if (queue != null) {
            queue.close();
        }
    }

    /** Throws the named error from inside generation, as the procedural engine did at 256 MB. */
    private static AudioEngine throwing(String error) {
        return new AudioEngine() {
            public String name() {
                return "broken";
            }

            public int sampleRate() {
                return 32_000;
            }

            public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
                progress.onProgress(0.5);
                throw switch (error) {
                    case "oom" -> new OutOfMemoryError("Java heap space");
                    case "stack" -> new StackOverflowError();
                    default -> new NoClassDefFoundError("io/soundbox/Missing");
                };
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"oom", "stack", "linkage"})
    void anErrorInTheEngineFailsTheJobWithItsReason(String error) throws Exception {
        queue = new JobQueue(runner(Map.of(ModelId.MUSIC, throwing(error), ModelId.AUDIO, new SfxEngine())), 1, 2);

        JobOutcome outcome = queue.submit(JobRunnerTest.request("err-" + error, ModelId.MUSIC, "calm piano", 5))
                .get(30, TimeUnit.SECONDS);

        assertThat(outcome).isEqualTo(JobOutcome.FAILED);
        assertThat(outcome.acknowledge()).isTrue();
        JobStatus last = events.last("err-" + error);
        assertThat(last.state()).isEqualTo(JobState.FAILED);
        assertThat(last.error()).startsWith("generation failed: ")
                .contains(switch (error) {
                    case "oom" -> "OutOfMemoryError: Java heap space";
                    case "stack" -> "StackOverflowError";
                    default -> "NoClassDefFoundError";
                });
        // The worker survived: the next job on the same queue still runs.
        assertThat(queue.submit(JobRunnerTest.request("after-" + error, ModelId.AUDIO, "rain", 1))
                .get(30, TimeUnit.SECONDS)).isEqualTo(JobOutcome.COMPLETED);
    }

    @Test
    void aJobWhoseRunsKeepEndingWithTheirProcessIsFailedNotRunAgain() throws Exception {
        io.soundbox.generation.store.AudioStore store = io.soundbox.generation.store.AudioStore.open(dir.resolve("audio"));
        JobRunner runner = runner(Map.of(ModelId.AUDIO, new SfxEngine()));
        // Two runs that died with their replica (nothing ended them): a re-delivery still runs the job.
        store.startRun("crashy");
        store.startRun("crashy");
        assertThat(runner.run(JobRunnerTest.request("crashy", ModelId.AUDIO, "rain", 1), CancellationCheck.NEVER))
                .isEqualTo(JobOutcome.COMPLETED);

        // Three: the fourth delivery fails it with the reason instead of taking another replica down.
        for (int i = 0; i < JobRunner.MAX_RUNS_PER_JOB; i++) {
            store.startRun("killer");
        }
        assertThat(runner.run(JobRunnerTest.request("killer", ModelId.AUDIO, "rain", 1), CancellationCheck.NEVER))
                .isEqualTo(JobOutcome.FAILED);
        assertThat(events.last("killer").error()).startsWith("runner lost").contains("started 3 times");
        // A run that ended in a live process leaves no count behind.
        assertThat(store.startRun("crashy")).isEqualTo(1);
    }

    @Test
    void cancelWhileGeneratingEndsCancelledWithNothingStored() throws Exception {
        queue = new JobQueue(runner(Map.of(ModelId.MUSIC, new MusicEngine())), 1, 2);
        CountDownLatch generating = events.when(s -> s.jobId().equals("gen-cancel") && s.state() == JobState.GENERATING
                && s.progress() > 0);

        CompletableFuture<JobOutcome> done = queue.submit(JobRunnerTest.request("gen-cancel", ModelId.MUSIC,
                "ambient piano", 600));
        assertThat(generating.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.cancel("gen-cancel")).isEqualTo(ControlResult.RUNNING);

        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobOutcome.CANCELLED);
        assertThat(events.last("gen-cancel").state()).isEqualTo(JobState.CANCELLED);
        assertThat(dir.resolve("audio/gen-cancel.wav")).doesNotExist();
        assertNoSpoolLeft();
    }

    @Test
    void cancelWhileAnalysingEndsCancelled() throws Exception {
        queue = new JobQueue(runner(Map.of(ModelId.AUDIO, new SfxEngine())), 1, 2);
        CountDownLatch analyzing = events.when(s -> s.jobId().equals("an-cancel") && s.state() == JobState.ANALYZING);

        CompletableFuture<JobOutcome> done = queue.submit(JobRunnerTest.request("an-cancel", ModelId.AUDIO,
                "rain and thunder", 600));
        assertThat(analyzing.await(60, TimeUnit.SECONDS)).isTrue();
        queue.cancel("an-cancel");

        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobOutcome.CANCELLED);
        assertThat(events.last("an-cancel").state()).isEqualTo(JobState.CANCELLED);
        assertThat(events.audio).isEmpty();
        assertThat(dir.resolve("audio/an-cancel.wav")).doesNotExist();
        assertNoSpoolLeft();
    }

    @Test
    void cancelWhileTheModelLoadsEndsCancelledWithoutGenerating() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        ModelLoader slowLoader = new ModelLoader() {
            public void load(ModelId model) throws Exception {
                loading.countDown();
                loaded.await(30, TimeUnit.SECONDS);
            }

            public void unload(ModelId model) {
            }
        };
        JobRunner runner = runner(Map.of(ModelId.MUSIC, new MusicEngine()));
        ModelLifecycle models = new ModelLifecycle(Arrays.stream(ModelId.values()).map(m -> new ModelSpec(m, m.wireName(), 0))
                .toList(), slowLoader, MemoryProbe.UNLIMITED, new ModelLifecycle.Policy(0, Long.MAX_VALUE / 4, 0, 100, true),
                System::currentTimeMillis, LifecycleListener.NONE);
        queue = new JobQueue(runner, new JobScheduler(new SchedulingPolicy(3, 60_000, 1, 3,
                SchedulingPolicy.defaults(1).tierPriorities(), Map.of())), models, null, m -> 1, JobQueueListener.NONE,
                new JobQueue.Settings(1, 2, 100, 60_000, System::currentTimeMillis));

        CompletableFuture<JobOutcome> done = queue.submit(JobRunnerTest.request("load-cancel", ModelId.MUSIC, "piano", 5));
        assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
        queue.cancel("load-cancel");
        loaded.countDown();

        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobOutcome.CANCELLED);
        assertThat(events.states("load-cancel")).contains(JobState.LOADING).doesNotContain(JobState.GENERATING)
                .endsWith(JobState.CANCELLED);
    }

    @Test
    void aRunningJobsStatusIsRenewedUntilItsFinalStatus() throws Exception {
        CountDownLatch beats = events.when(s -> s.jobId().equals("beating") && s.state() == JobState.GENERATING, 4);
        CountDownLatch release = new CountDownLatch(1);
        AudioEngine held = new AudioEngine() {
            private final SfxEngine real = new SfxEngine();

            public String name() {
                return "held";
            }

            public int sampleRate() {
                return real.sampleRate();
            }

            public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return real.generate(input, progress, cancelled);
            }
        };
        JobRunner runner = runner(Map.of(ModelId.AUDIO, held));
        queue = new JobQueue(runner, new JobScheduler(new SchedulingPolicy(3, 60_000, 1, 3,
                SchedulingPolicy.defaults(1).tierPriorities(), Map.of())),
                new ModelLifecycle(Arrays.stream(ModelId.values()).map(m -> new ModelSpec(m, m.wireName(), 0)).toList(),
                        ModelLoader.WEIGHTLESS, MemoryProbe.UNLIMITED,
                        new ModelLifecycle.Policy(0, Long.MAX_VALUE / 4, 0, 100, true), System::currentTimeMillis,
                        LifecycleListener.NONE),
                null, m -> 1, JobQueueListener.NONE, new JobQueue.Settings(1, 2, 100, 60_000, System::currentTimeMillis, 50));

        CompletableFuture<JobOutcome> done = queue.submit(JobRunnerTest.request("beating", ModelId.AUDIO, "rain", 1));
        // Held inside the engine, with no progress to report: only heartbeats renew the status.
        assertThat(beats.await(30, TimeUnit.SECONDS)).isTrue();
        List<JobStatus> generating = events.statuses("beating").stream()
                .filter(s -> s.state() == JobState.GENERATING).toList();
        assertThat(generating.get(generating.size() - 1).updatedAt()).isAfter(generating.get(0).updatedAt());
        assertThat(runner.runningCount()).isEqualTo(1);

        release.countDown();
        assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobOutcome.COMPLETED);
        // The final status is the job's last record, and nothing renews the job any more.
        assertThat(runner.runningCount()).isZero();
        runner.heartbeat();
        assertThat(events.last("beating").state()).isEqualTo(JobState.COMPLETED);
    }

    private JobRunner runner(Map<ModelId, AudioEngine> engines) {
        return new JobRunner(new EngineCatalog(engines), io.soundbox.generation.store.AudioStore.open(dir.resolve("audio")),
                events, new FinishedJobs(10), Clock.systemUTC());
    }

    private void assertNoSpoolLeft() throws Exception {
        Path work = dir.resolve("audio/.work");
        if (Files.isDirectory(work)) {
            try (var files = Files.list(work)) {
                assertThat(files).isEmpty();
            }
        }
    }

    /** Recorded events, with latches that open when matching statuses were published. */
    private static final class WatchedEvents implements JobEvents {
        private final List<JobStatus> statuses = new ArrayList<>();
        final List<AudioCreated> audio = new ArrayList<>();
        private final List<Watch> watches = new ArrayList<>();

        private record Watch(Predicate<JobStatus> matches, CountDownLatch latch) {
        }

        synchronized CountDownLatch when(Predicate<JobStatus> matches) {
            return when(matches, 1);
        }

        synchronized CountDownLatch when(Predicate<JobStatus> matches, int times) {
            CountDownLatch latch = new CountDownLatch(times);
            watches.add(new Watch(matches, latch));
            return latch;
        }

        @Override
        public synchronized void publish(JobStatus status) {
            statuses.add(status);
            watches.stream().filter(w -> w.matches().test(status)).forEach(w -> w.latch().countDown());
        }

        @Override
        public synchronized void publish(AudioCreated created) {
            audio.add(created);
        }

        synchronized List<JobStatus> statuses(String jobId) {
            return statuses.stream().filter(s -> s.jobId().equals(jobId)).toList();
        }

        synchronized List<JobState> states(String jobId) {
            return statuses(jobId).stream().map(JobStatus::state).toList();
        }

        synchronized JobStatus last(String jobId) {
            List<JobStatus> mine = statuses(jobId);
            return mine.get(mine.size() - 1);
        }
    }
}
