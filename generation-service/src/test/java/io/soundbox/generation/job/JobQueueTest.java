package io.soundbox.generation.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.EngineCatalog;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.procedural.SfxEngine;
import io.soundbox.generation.store.AudioStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobQueueTest {
    @TempDir
    Path dir;
    private final RecordingJobEvents events = new RecordingJobEvents();
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private JobQueue queue;

    /** The real sfx engine behind a gate, so the test decides when the running job may finish. */
    private final AudioEngine gated = new AudioEngine() {
        private final SfxEngine real = new SfxEngine();

        public String name() {
            return "gated";
        }

        public int sampleRate() {
            return real.sampleRate();
        }

        public PcmBuffer generate(GenerationInput input, ProgressListener progress, CancellationCheck cancelled) {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return real.generate(input, progress, cancelled);
        }
    };

    @AfterEach
    void tearDown() {
        release.countDown();
        queue.close();
    }

    @Test
    void runsInArrivalOrderWithQueuePositionsAndBoundedAdmission() throws Exception {
        JobRunner runner = new JobRunner(new EngineCatalog(Map.of(ModelId.AUDIO, gated)),
                AudioStore.open(dir), events, new FinishedJobs(10), Clock.systemUTC());
        queue = new JobQueue(runner, 1, 2);

        CompletableFuture<JobOutcome> first = queue.submit(JobRunnerTest.request("q-1", ModelId.AUDIO, "rain", 1));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<JobOutcome> second = queue.submit(JobRunnerTest.request("q-2", ModelId.AUDIO, "wind", 1));
        CompletableFuture<JobOutcome> third = queue.submit(JobRunnerTest.request("q-3", ModelId.AUDIO, "fire", 1));
        // The same job id again (a Kafka re-delivery) joins the admitted job instead of taking a slot.
        assertThat(queue.submit(JobRunnerTest.request("q-2", ModelId.AUDIO, "wind", 1))).isSameAs(second);

        assertThat(queuedPosition("q-1")).isEqualTo(1);
        assertThat(queuedPosition("q-2")).isEqualTo(1);
        assertThat(queuedPosition("q-3")).isEqualTo(2);
        assertThat(queue.waiting()).isEqualTo(2);

        // One running plus two waiting fill the queue: the next admission waits for a slot.
        CompletableFuture<JobOutcome> fourth = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.submit(JobRunnerTest.request("q-4", ModelId.AUDIO, "coin", 1)).join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(events.statuses("q-4")).isEmpty();

        release.countDown();
        assertThat(CompletableFuture.allOf(first, second, third, fourth).thenApply(v -> fourth.join())
                .get(30, TimeUnit.SECONDS)).isEqualTo(JobOutcome.COMPLETED);
        assertThat(first.join()).isEqualTo(JobOutcome.COMPLETED);
        assertThat(events.states("q-4")).startsWith(JobState.QUEUED).endsWith(JobState.COMPLETED);
        // Arrival order: each job completed before the next one started generating.
        assertThat(indexOf("q-1", JobState.COMPLETED)).isLessThan(indexOf("q-2", JobState.GENERATING));
        assertThat(indexOf("q-2", JobState.COMPLETED)).isLessThan(indexOf("q-3", JobState.GENERATING));
    }

    private int queuedPosition(String jobId) {
        return events.statuses(jobId).stream().filter(s -> s.state() == JobState.QUEUED).findFirst()
                .map(JobStatus::position).orElseThrow();
    }

    private int indexOf(String jobId, JobState state) {
        synchronized (events) {
            for (int i = 0; i < events.published.size(); i++) {
                if (events.published.get(i) instanceof JobStatus s && s.jobId().equals(jobId) && s.state() == state) {
                    return i;
                }
            }
        }
        throw new AssertionError(jobId + " never reached " + state);
    }
}
