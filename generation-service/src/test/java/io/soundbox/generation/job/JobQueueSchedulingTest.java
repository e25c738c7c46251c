package io.soundbox.generation.job;

import static io.soundbox.generation.job.JobRunnerTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
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
import io.soundbox.generation.engine.procedural.SfxEngine;
import io.soundbox.generation.model.LifecycleListener;
import io.soundbox.generation.model.MemoryProbe;
import io.soundbox.generation.model.MemoryReading;
import io.soundbox.generation.model.ModelLifecycle;
import io.soundbox.generation.model.ModelLoader;
import io.soundbox.generation.model.ModelSpec;
import io.soundbox.generation.model.ModelState;
import io.soundbox.generation.scheduler.JobScheduler;
import io.soundbox.generation.scheduler.RunTimeEstimator;
import io.soundbox.generation.scheduler.SchedulingPolicy;
import io.soundbox.generation.store.AudioStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue with its real scheduler, lifecycle and runner around a gated engine: order, control, batching. */
class JobQueueSchedulingTest {
    private static final long WAIT_S = 30;
    @TempDir
    Path dir;
    private final RecordingJobEvents events = new RecordingJobEvents();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstStarted = new CountDownLatch(1);
    /** Prompts in the order the engine generated them; batches as one entry "a+b+c". */
    private final List<String> generated = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private JobQueue queue;
    private ModelLifecycle lifecycle;

    /** The real sfx engine behind a gate (the first job holds the worker until released); batches if asked. */
    private final class GatedEngine implements AudioEngine {
        private final SfxEngine real = new SfxEngine();
        private final boolean batching;

        GatedEngine(boolean batching) {
            this.batching = batching;
        }

        public String name() {
            return "gated";
        }

        public int sampleRate() {
            return real.sampleRate();
        }

        public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
            generated.add(input.prompt());
            firstStarted.countDown();
            try {
                if (input.prompt().startsWith("hold")) {
                    // Reports progress while held, so a cancel is noticed at a progress step.
                    while (!release.await(20, TimeUnit.MILLISECONDS)) {
                        progress.onProgress(0.1);
                        if (cancelled.isCancelled()) {
                            throw new io.soundbox.generation.engine.GenerationCancelledException();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.generate(input, progress, cancelled);
        }

        @Override
        public boolean supportsBatching() {
            return batching;
        }

        @Override
        public int maxBatchSize() {
            return batching ? 3 : 1;
        }

        @Override
        public List<PcmBuffer> generateBatch(List<GenerationInput> inputs, ProgressListener progress,
                                             CancellationCheck cancelled) {
            batchSizes.add(inputs.size());
            generated.add(String.join("+", inputs.stream().map(GenerationInput::prompt).toList()));
            return inputs.stream().map(i -> real.generate(i, ProgressListener.NONE, cancelled)).toList();
        }
    }

    private void start(boolean batching, SchedulingPolicy policy, ModelLoader loader, MemoryProbe probe) {
        GatedEngine engine = new GatedEngine(batching);
        EngineCatalog engines = new EngineCatalog(Map.of(ModelId.AUDIO, engine, ModelId.MAGNET_AUDIO, engine));
        JobRunner runner = new JobRunner(engines, AudioStore.open(dir), events, new FinishedJobs(100), Clock.systemUTC());
        lifecycle = new ModelLifecycle(List.of(new ModelSpec(ModelId.AUDIO, "audiogen-medium", 5120),
                new ModelSpec(ModelId.MAGNET_AUDIO, "audio-magnet-medium", 6144)), loader, probe,
                new ModelLifecycle.Policy(0, 600_000, 200, 20, true), System::currentTimeMillis, LifecycleListener.NONE);
        RunTimeEstimator estimator = new RunTimeEstimator(1_000, 8_000, lifecycle::isLoaded);
        queue = new JobQueue(runner, new JobScheduler(policy), lifecycle, estimator,
                m -> engines.engineFor(m).filter(AudioEngine::supportsBatching).map(AudioEngine::maxBatchSize).orElse(1),
                JobQueueListener.NONE, new JobQueue.Settings(1, 20, 50, 60_000, System::currentTimeMillis));
    }

    private void start(boolean batching, SchedulingPolicy policy) {
        start(batching, policy, ModelLoader.WEIGHTLESS, MemoryProbe.UNLIMITED);
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        if (queue != null) {
            queue.close();
        }
    }

    private static GenerationRequested job(String id, String tier, String user, String prompt) {
        return new GenerationRequested(SchemaVersion.CURRENT, id, user, tier, 4, ModelId.AUDIO, prompt, 1, false, null,
                Instant.now());
    }

    /** Holds the worker with a running job, so what follows queues up. */
    private CompletableFuture<JobOutcome> hold() throws Exception {
        CompletableFuture<JobOutcome> f = queue.submit(job("holder", "free", "h", "hold the line"));
        assertThat(firstStarted.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
        return f;
    }

    @Test
    void runsByTierThenArrivalAndAnnouncesPositionsWithEtas() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        CompletableFuture<JobOutcome> holder = hold();
        List<CompletableFuture<JobOutcome>> all = new ArrayList<>(List.of(holder));
        all.add(queue.submit(job("f1", "free", "a", "free one")));
        all.add(queue.submit(job("p1", "premium", "b", "premium one")));
        all.add(queue.submit(job("f2", "free", "c", "free two")));
        all.add(queue.submit(job("c1", "creator", "d", "creator one")));
        assertThat(queue.waiting()).isEqualTo(4);
        // Coalesced announcements catch up with the arrivals: the free job that came first is now 3rd.
        waitFor(() -> lastQueued("f1").position() == 3);
        assertThat(lastQueued("c1").position()).isEqualTo(1);
        assertThat(lastQueued("c1").etaSeconds()).isNotNull().isPositive();
        assertThat(lastQueued("f2").etaSeconds()).isGreaterThan(lastQueued("c1").etaSeconds());

        release.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(WAIT_S, TimeUnit.SECONDS);
        assertThat(generated).containsExactly("hold the line", "creator one", "premium one", "free one", "free two");
        assertThat(events.states("c1")).startsWith(JobState.QUEUED).endsWith(JobState.COMPLETED);
        // Never a queued status after the job started.
        for (String id : List.of("f1", "p1", "f2", "c1")) {
            List<JobState> states = events.states(id);
            assertThat(states.subList(states.indexOf(JobState.GENERATING), states.size())).doesNotContain(JobState.QUEUED);
        }
    }

    @Test
    void aCancelledQueuedJobLeavesTheQueueAndNeverRuns() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        CompletableFuture<JobOutcome> holder = hold();
        CompletableFuture<JobOutcome> doomed = queue.submit(job("doomed", "free", "a", "never made"));
        CompletableFuture<JobOutcome> next = queue.submit(job("next", "free", "b", "made"));

        assertThat(queue.cancel("doomed")).isEqualTo(ControlResult.APPLIED);
        assertThat(doomed.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(JobOutcome.CANCELLED);
        assertThat(events.states("doomed")).endsWith(JobState.CANCELLED);
        waitFor(() -> lastQueued("next").position() == 1);

        release.countDown();
        assertThat(next.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(JobOutcome.COMPLETED);
        assertThat(holder.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(JobOutcome.COMPLETED);
        assertThat(generated).doesNotContain("never made");
        assertThat(Files.exists(dir.resolve("doomed.wav"))).isFalse();
        assertThat(queue.cancel("doomed")).isEqualTo(ControlResult.NOT_HELD);
    }

    @Test
    void aCancelledRunningJobStopsAtItsNextProgressStep() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        CompletableFuture<JobOutcome> holder = hold();
        assertThat(queue.cancel("holder")).isEqualTo(ControlResult.RUNNING);
        assertThat(holder.get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(JobOutcome.CANCELLED);
        assertThat(events.states("holder")).contains(JobState.GENERATING).endsWith(JobState.CANCELLED);
        assertThat(Files.exists(dir.resolve("holder.wav"))).isFalse();
        // The worker is free again.
        assertThat(queue.submit(job("after", "free", "x", "after")).get(WAIT_S, TimeUnit.SECONDS))
                .isEqualTo(JobOutcome.COMPLETED);
    }

    @Test
    void aCancelThatArrivesBeforeItsRequestStillCancels() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        assertThat(queue.cancel("early")).isEqualTo(ControlResult.NOT_HELD);
        assertThat(queue.submit(job("early", "free", "a", "too late")).get(WAIT_S, TimeUnit.SECONDS))
                .isEqualTo(JobOutcome.CANCELLED);
        assertThat(generated).isEmpty();
    }

    @Test
    void aSkipMovesTheJobToTheFrontOfItsClass() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        CompletableFuture<JobOutcome> holder = hold();
        CompletableFuture<JobOutcome> a = queue.submit(job("s1", "premium", "a", "premium first"));
        CompletableFuture<JobOutcome> b = queue.submit(job("s2", "premium", "b", "premium second"));
        CompletableFuture<JobOutcome> c = queue.submit(job("s3", "premium", "c", "premium paid"));
        CompletableFuture<JobOutcome> admin = queue.submit(job("s4", "admin", "d", "admin"));

        assertThat(queue.skip("s3")).isEqualTo(ControlResult.APPLIED);
        waitFor(() -> lastQueued("s3").position() == 2);
        assertThat(queue.skip("holder")).isEqualTo(ControlResult.RUNNING);
        release.countDown();
        CompletableFuture.allOf(holder, a, b, c, admin).get(WAIT_S, TimeUnit.SECONDS);
        assertThat(generated).containsExactly("hold the line", "admin", "premium paid", "premium first", "premium second");
    }

    @Test
    void batchesSameModelJobsIntoOneEngineCall() throws Exception {
        start(true, SchedulingPolicy.defaults(50));
        CompletableFuture<JobOutcome> holder = hold();
        List<CompletableFuture<JobOutcome>> jobs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            jobs.add(queue.submit(job("b" + i, "free", "user-" + i, "batch " + i)));
        }
        release.countDown();
        CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).get(WAIT_S, TimeUnit.SECONDS);
        holder.get(WAIT_S, TimeUnit.SECONDS);
        assertThat(batchSizes).containsExactly(3);
        assertThat(generated).containsExactly("hold the line", "batch 1+batch 2+batch 3", "batch 4");
        for (int i = 1; i <= 4; i++) {
            assertThat(jobs.get(i - 1).get()).isEqualTo(JobOutcome.COMPLETED);
            assertThat(Files.exists(dir.resolve("b" + i + ".wav"))).isTrue();
            assertThat(events.audio("b" + i)).hasSize(1);
        }
    }

    @Test
    void aUserOverTheirTiersPendingLimitIsFailedWithTheReason() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        CompletableFuture<JobOutcome> holder = hold();
        queue.submit(job("u1", "free", "ann", "one"));
        queue.submit(job("u2", "free", "ann", "two"));
        assertThat(queue.submit(job("u3", "free", "ann", "three")).get(WAIT_S, TimeUnit.SECONDS))
                .isEqualTo(JobOutcome.FAILED);
        assertThat(events.statuses("u3")).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(JobState.FAILED);
            assertThat(s.error()).contains("too many pending jobs").contains("free").contains("2");
        });
        release.countDown();
        holder.get(WAIT_S, TimeUnit.SECONDS);
    }

    @Test
    void theLoadedModelIsNotPreferredOverABetterJobWhoseModelIsStillInMemory() throws Exception {
        start(false, SchedulingPolicy.defaults(50));
        // A first job loads magnet-audio; it stays in memory (plenty of room) while audio holds the worker.
        GenerationRequested warm = new GenerationRequested(SchemaVersion.CURRENT, "warm", "w", "free", 4,
                ModelId.MAGNET_AUDIO, "warm up", 1, false, null, Instant.now());
        assertThat(queue.submit(warm).get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(JobOutcome.COMPLETED);
        CompletableFuture<JobOutcome> holder = queue.submit(job("holder", "free", "h", "hold the line"));
        waitFor(() -> generated.contains("hold the line"));
        CompletableFuture<JobOutcome> free = queue.submit(job("a-free", "free", "a", "free audio"));
        CompletableFuture<JobOutcome> premium = queue.submit(new GenerationRequested(SchemaVersion.CURRENT, "x-premium",
                "b", "premium", 4, ModelId.MAGNET_AUDIO, "premium magnet", 1, false, null, Instant.now()));
        assertThat(lifecycle.isLoaded(ModelId.MAGNET_AUDIO)).isTrue();

        release.countDown();
        CompletableFuture.allOf(holder, free, premium).get(WAIT_S, TimeUnit.SECONDS);
        // Staying on audio for the free job would save no load, so the premium job goes first.
        assertThat(generated).containsExactly("warm up", "hold the line", "premium magnet", "free audio");
    }

    @Test
    void loadsTheModelFirstAndFailsTheJobWhenItCannotBeLoaded() throws Exception {
        // 8 GB device: audio (5 GB) fits, magnet-audio (6 GB) only once audio is out; a 7 GB tenant stays.
        MemoryReading[] reading = {new MemoryReading(8_192, 0, 8_192, "fake")};
        start(false, SchedulingPolicy.defaults(50), ModelLoader.WEIGHTLESS, () -> reading[0]);
        release.countDown();
        assertThat(queue.submit(job("l1", "free", "a", "load me")).get(WAIT_S, TimeUnit.SECONDS))
                .isEqualTo(JobOutcome.COMPLETED);
        assertThat(events.states("l1")).containsSubsequence(JobState.QUEUED, JobState.LOADING, JobState.GENERATING,
                JobState.COMPLETED);
        assertThat(lifecycle.status(ModelId.AUDIO).orElseThrow().state()).isEqualTo(ModelState.READY);

        reading[0] = new MemoryReading(1_024, 7_168, 8_192, "fake");
        GenerationRequested magnet = new GenerationRequested(SchemaVersion.CURRENT, "l2", "b", "free", 4,
                ModelId.MAGNET_AUDIO, "no room", 1, false, null, Instant.now());
        assertThat(queue.submit(magnet).get(WAIT_S, TimeUnit.SECONDS)).isEqualTo(JobOutcome.FAILED);
        assertThat(events.statuses("l2")).last().satisfies(s -> assertThat(s.error()).contains("not enough memory"));
        assertThat(lifecycle.status(ModelId.AUDIO).orElseThrow().state()).isEqualTo(ModelState.UNLOADED);
    }

    private JobStatus lastQueued(String jobId) {
        List<JobStatus> queued = events.statuses(jobId).stream().filter(s -> s.state() == JobState.QUEUED).toList();
        assertThat(queued).as("queued statuses of " + jobId).isNotEmpty();
        return queued.get(queued.size() - 1);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (AssertionError notYet) {
                // keep waiting
            }
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within 10 s").isTrue();
    }
}
