package io.soundbox.generation.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {
    private static final AtomicInteger USERS = new AtomicInteger();
    private final JobScheduler scheduler = new JobScheduler(SchedulingPolicy.defaults(100));

    static GenerationRequested job(String id, String tier, ModelId model) {
        return job(id, tier, model, "user-" + USERS.incrementAndGet());
    }

    static GenerationRequested job(String id, String tier, ModelId model, String user) {
        return new GenerationRequested(SchemaVersion.CURRENT, id, user, tier, 4, model, "prompt " + id, 10, false,
                null, null);
    }

    private List<String> next(long now, int batch) {
        return scheduler.next(now, m -> batch).orElseThrow().jobs().stream().map(QueuedJob::jobId).toList();
    }

    private Dispatch dispatch(long now, int batch) {
        return scheduler.next(now, m -> batch).orElseThrow();
    }

    @Test
    void higherTiersGoFirstAndEachTierIsFifo() {
        scheduler.add(job("free-1", "free", ModelId.MUSIC), 0);
        scheduler.add(job("premium-1", "premium", ModelId.MUSIC), 1);
        scheduler.add(job("free-2", "free", ModelId.MUSIC), 2);
        scheduler.add(job("admin-1", "admin", ModelId.MUSIC), 3);
        scheduler.add(job("premium-2", "premium", ModelId.MUSIC), 4);

        assertThat(List.of(next(10, 1), next(10, 1), next(10, 1), next(10, 1), next(10, 1)))
                .containsExactly(List.of("admin-1"), List.of("premium-1"), List.of("premium-2"), List.of("free-1"),
                        List.of("free-2"));
        assertThat(scheduler.next(10, m -> 1)).isEmpty();
    }

    @Test
    void theTierTableDecidesThePriorityAndUnknownTiersKeepTheirsClamped() {
        GenerationRequested claimsAdmin = new GenerationRequested(SchemaVersion.CURRENT, "sneaky", "u", "free", 0,
                ModelId.MUSIC, "p", 5, false, null, null);
        GenerationRequested unknown = new GenerationRequested(SchemaVersion.CURRENT, "odd", "v", "platinum", 9,
                ModelId.MUSIC, "p", 5, false, null, null);
        scheduler.add(claimsAdmin, 0);
        scheduler.add(unknown, 0);
        assertThat(scheduler.get("sneaky").orElseThrow().priority()).isEqualTo(4);
        assertThat(scheduler.get("odd").orElseThrow().priority()).isEqualTo(4);
    }

    @Test
    void theLoadedModelIsPreferredForUpToThreeJobsThenTheBetterJobWins() {
        scheduler.add(job("m-0", "free", ModelId.MUSIC), 0);
        assertThat(dispatch(1, 1).reason()).isEqualTo(Dispatch.Reason.PRIORITY); // music is loaded now
        scheduler.add(job("a-1", "premium", ModelId.AUDIO), 2);
        for (int i = 1; i <= 4; i++) {
            scheduler.add(job("m-" + i, "free", ModelId.MUSIC), 2 + i);
        }

        // The premium sfx job is better, but music stays for 3 more jobs in a row...
        for (int i = 1; i <= 3; i++) {
            Dispatch d = dispatch(10, 1);
            assertThat(d.reason()).isEqualTo(Dispatch.Reason.AFFINITY);
            assertThat(d.jobs()).extracting(QueuedJob::jobId).containsExactly("m-" + i);
            assertThat(d.switched()).isFalse();
        }
        // ...then the better job wins and its model is loaded.
        Dispatch switched = dispatch(10, 1);
        assertThat(switched.reason()).isEqualTo(Dispatch.Reason.PRIORITY);
        assertThat(switched.jobs()).extracting(QueuedJob::jobId).containsExactly("a-1");
        assertThat(switched.switched()).isTrue();
        assertThat(scheduler.switches()).isEqualTo(1);
        assertThat(next(10, 1)).containsExactly("m-4");
        assertThat(scheduler.switches()).isEqualTo(2);
    }

    @Test
    void aBetterJobWhoseModelIsInMemoryIsNotPassedOver() {
        scheduler.add(job("m-0", "free", ModelId.MUSIC), 0);
        next(1, 1);
        scheduler.add(job("a-1", "premium", ModelId.AUDIO), 2);
        scheduler.add(job("m-1", "free", ModelId.MUSIC), 3);
        scheduler.add(job("x-1", "creator", ModelId.MAGNET_MUSIC), 4);

        // The creator job's model must be loaded: music, loaded, is preferred for its free job...
        Dispatch kept = scheduler.next(10, m -> 1, m -> m == ModelId.MUSIC || m == ModelId.AUDIO).orElseThrow();
        assertThat(kept.reason()).isEqualTo(Dispatch.Reason.AFFINITY);
        assertThat(kept.jobs()).extracting(QueuedJob::jobId).containsExactly("m-1");
        // ...but the premium sfx job's model is in memory: staying would save no load, so it goes first.
        scheduler.add(job("m-2", "free", ModelId.MUSIC), 5);
        scheduler.remove("x-1");
        Dispatch better = scheduler.next(10, m -> 1, m -> m == ModelId.MUSIC || m == ModelId.AUDIO).orElseThrow();
        assertThat(better.reason()).isEqualTo(Dispatch.Reason.PRIORITY);
        assertThat(better.jobs()).extracting(QueuedJob::jobId).containsExactly("a-1");
    }

    @Test
    void anotherModelInMemoryIsPreferredOverLoadingOneWithinTheCap() {
        scheduler.add(job("m-0", "free", ModelId.MUSIC), 0);
        next(1, 1); // music loaded, and nothing more queued for it
        scheduler.add(job("x-1", "creator", ModelId.MAGNET_MUSIC), 2);
        for (int i = 1; i <= 4; i++) {
            scheduler.add(job("a-" + i, "free", ModelId.AUDIO), 2 + i);
        }
        java.util.function.Predicate<ModelId> inMemory = m -> m == ModelId.MUSIC || m == ModelId.AUDIO;

        // The creator job needs a load; audio is in memory with queued jobs: up to the cap, those go first.
        List<String> served = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Dispatch d = scheduler.next(10, m -> 1, inMemory).orElseThrow();
            assertThat(d.reason()).isEqualTo(Dispatch.Reason.AFFINITY);
            served.addAll(d.jobs().stream().map(QueuedJob::jobId).toList());
        }
        assertThat(served).containsExactly("a-1", "a-2", "a-3");
        Dispatch load = scheduler.next(10, m -> 1, inMemory).orElseThrow();
        assertThat(load.reason()).isEqualTo(Dispatch.Reason.PRIORITY);
        assertThat(load.jobs()).extracting(QueuedJob::jobId).containsExactly("x-1");
    }

    @Test
    void affinityDoesNotOutlastTheLimitWhenTheJobsComeInABatch() {
        scheduler.add(job("m-0", "free", ModelId.MUSIC), 0);
        next(1, 3);
        scheduler.add(job("a-1", "creator", ModelId.AUDIO), 2);
        for (int i = 1; i <= 5; i++) {
            scheduler.add(job("m-" + i, "free", ModelId.MUSIC), 2 + i);
        }
        // Three music jobs in one batch use up the preference; then the creator job's model is loaded.
        assertThat(next(10, 3)).containsExactly("m-1", "m-2", "m-3");
        assertThat(next(10, 3)).containsExactly("a-1");
        assertThat(next(10, 3)).containsExactly("m-4", "m-5");
    }

    @Test
    void onlyJobsTakenForAffinityCountTowardsTheLimit() {
        scheduler.add(job("m-0", "free", ModelId.MUSIC), 0);
        next(1, 3);
        scheduler.add(job("a-1", "creator", ModelId.AUDIO), 2);
        scheduler.add(job("m-1", "free", ModelId.MUSIC), 3);
        scheduler.add(job("m-2", "free", ModelId.MUSIC), 4);
        assertThat(next(10, 1)).containsExactly("m-1");
        assertThat(next(10, 1)).containsExactly("m-2");
        // An admin music job is the best job on its own merit: it runs, and the count starts again.
        scheduler.add(job("m-admin", "admin", ModelId.MUSIC), 5);
        scheduler.add(job("m-3", "free", ModelId.MUSIC), 6);
        assertThat(dispatch(10, 1).reason()).isEqualTo(Dispatch.Reason.PRIORITY);
        assertThat(dispatch(10, 1).reason()).isEqualTo(Dispatch.Reason.AFFINITY);
        assertThat(next(10, 1)).containsExactly("a-1");
    }

    @Test
    void aJobWaitingPastTheStarvationBoundForcesASwitchToItsModel() {
        scheduler.add(job("a-old", "free", ModelId.AUDIO), 0);
        scheduler.add(job("m-0", "admin", ModelId.MUSIC), 0);
        assertThat(next(1, 1)).containsExactly("m-0");
        for (int i = 1; i <= 6; i++) {
            scheduler.add(job("m-" + i, "creator", ModelId.MUSIC), 1_000 + i);
        }
        // Creator music jobs beat the free sfx job on priority...
        assertThat(next(30_000, 1)).containsExactly("m-1");
        // ...until it has waited more than 60 s: then it goes first and its model is loaded.
        Dispatch forced = dispatch(60_001, 1);
        assertThat(forced.reason()).isEqualTo(Dispatch.Reason.STARVATION);
        assertThat(forced.jobs()).extracting(QueuedJob::jobId).containsExactly("a-old");
        assertThat(forced.switched()).isTrue();
    }

    @Test
    void starvedJobsAreServedOldestFirstWhateverTheirTier() {
        scheduler.add(job("free-old", "free", ModelId.AUDIO), 0);
        scheduler.add(job("premium-newer", "premium", ModelId.MUSIC), 5_000);
        scheduler.add(job("fresh-admin", "admin", ModelId.MAGNET_MUSIC), 100_000);
        assertThat(next(100_000, 1)).containsExactly("free-old");
        assertThat(next(100_000, 1)).containsExactly("premium-newer");
        assertThat(next(100_000, 1)).containsExactly("fresh-admin");
    }

    @Test
    void batchesTakeSameModelJobsBestPriorityFirst() {
        scheduler.add(job("m-free-1", "free", ModelId.MUSIC), 0);
        scheduler.add(job("a-free", "free", ModelId.AUDIO), 1);
        scheduler.add(job("m-free-2", "free", ModelId.MUSIC), 2);
        scheduler.add(job("m-premium", "premium", ModelId.MUSIC), 3);
        scheduler.add(job("m-creator", "creator", ModelId.MUSIC), 4);

        Dispatch d = dispatch(10, 3);
        assertThat(d.model()).isEqualTo(ModelId.MUSIC);
        // The higher priority jobs win the batch's places; the free job that came first waits.
        assertThat(d.jobs()).extracting(QueuedJob::jobId).containsExactly("m-creator", "m-premium", "m-free-1");
        // Music stays loaded for the last music job (same priority, so preferred) before the sfx job.
        Dispatch affinity = dispatch(10, 3);
        assertThat(affinity.reason()).isEqualTo(Dispatch.Reason.AFFINITY);
        assertThat(affinity.jobs()).extracting(QueuedJob::jobId).containsExactly("m-free-2");
        assertThat(next(10, 3)).containsExactly("a-free");
    }

    @Test
    void anEngineWithoutBatchingGetsOneJobAtATime() {
        scheduler.add(job("m-1", "free", ModelId.MUSIC), 0);
        scheduler.add(job("m-2", "free", ModelId.MUSIC), 1);
        assertThat(scheduler.next(10, m -> m == ModelId.MUSIC ? 1 : 3).orElseThrow().jobs()).hasSize(1);
    }

    @Test
    void theBatchNeverExceedsThePolicy() {
        JobScheduler small = new JobScheduler(SchedulingPolicy.defaults(100).withMaxBatch(2));
        for (int i = 0; i < 5; i++) {
            small.add(job("m-" + i, "free", ModelId.MUSIC), i);
        }
        assertThat(small.next(10, m -> 8).orElseThrow().jobs()).hasSize(2);
    }

    @Test
    void cancelRemovesAQueuedJob() {
        scheduler.add(job("keep", "free", ModelId.MUSIC), 0);
        scheduler.add(job("drop", "free", ModelId.MUSIC), 1);
        assertThat(scheduler.remove("drop")).map(QueuedJob::jobId).contains("drop");
        assertThat(scheduler.remove("drop")).isEmpty();
        assertThat(scheduler.size()).isEqualTo(1);
        assertThat(next(10, 3)).containsExactly("keep");
    }

    @Test
    void skipMovesAJobToTheFrontOfItsPriorityClassOnly() {
        scheduler.add(job("premium-1", "premium", ModelId.MUSIC), 0);
        scheduler.add(job("free-1", "free", ModelId.MUSIC), 1);
        scheduler.add(job("free-2", "free", ModelId.MUSIC), 2);
        scheduler.add(job("free-3", "free", ModelId.MUSIC), 3);

        assertThat(scheduler.skip("free-3")).isTrue();
        assertThat(scheduler.skip("free-2")).isTrue();
        assertThat(scheduler.skip("nobody")).isFalse();

        assertThat(scheduler.queued()).extracting(QueuedJob::jobId)
                .containsExactly("premium-1", "free-3", "free-2", "free-1");
        // Skipping again does not jump the job ahead of those who paid earlier.
        assertThat(scheduler.skip("free-2")).isTrue();
        assertThat(scheduler.queued()).extracting(QueuedJob::jobId)
                .containsExactly("premium-1", "free-3", "free-2", "free-1");
    }

    @Test
    void aUserHasAtMostTheirTiersPendingJobs() {
        assertThat(scheduler.add(job("f-1", "free", ModelId.MUSIC, "ann"), 0)).isEqualTo(JobScheduler.Admission.ADMITTED);
        assertThat(scheduler.add(job("f-2", "free", ModelId.AUDIO, "ann"), 0)).isEqualTo(JobScheduler.Admission.ADMITTED);
        assertThat(scheduler.add(job("f-3", "free", ModelId.MUSIC, "ann"), 0)).isEqualTo(JobScheduler.Admission.USER_LIMIT);
        // Another user, and admins (no limit), are not affected.
        assertThat(scheduler.add(job("g-1", "free", ModelId.MUSIC, "bob"), 0)).isEqualTo(JobScheduler.Admission.ADMITTED);
        for (int i = 0; i < 30; i++) {
            assertThat(scheduler.add(job("adm-" + i, "admin", ModelId.MUSIC, "root"), 0))
                    .isEqualTo(JobScheduler.Admission.ADMITTED);
        }
        // Once one of ann's jobs ran, she may queue another.
        scheduler.remove("f-1");
        assertThat(scheduler.pendingOf("ann")).isEqualTo(1);
        assertThat(scheduler.add(job("f-3", "free", ModelId.MUSIC, "ann"), 0)).isEqualTo(JobScheduler.Admission.ADMITTED);
    }

    @Test
    void duplicatesAndAFullQueueAreRefused() {
        JobScheduler tiny = new JobScheduler(new SchedulingPolicy(3, 60_000, 3, 2, Map.of(), Map.of()));
        assertThat(tiny.add(job("a", "free", ModelId.MUSIC), 0)).isEqualTo(JobScheduler.Admission.ADMITTED);
        assertThat(tiny.add(job("a", "free", ModelId.MUSIC), 0)).isEqualTo(JobScheduler.Admission.DUPLICATE);
        assertThat(tiny.add(job("b", "free", ModelId.MUSIC), 0)).isEqualTo(JobScheduler.Admission.ADMITTED);
        assertThat(tiny.add(job("c", "free", ModelId.MUSIC), 0)).isEqualTo(JobScheduler.Admission.FULL);
        assertThat(tiny.size()).isEqualTo(2);
    }

    @Test
    void aCopyIsIndependent() {
        scheduler.add(job("a", "free", ModelId.MUSIC), 0);
        JobScheduler copy = scheduler.copy();
        copy.next(1, m -> 1);
        assertThat(copy.size()).isZero();
        assertThat(scheduler.size()).isEqualTo(1);
        assertThat(scheduler.currentModel()).isNull();
    }

    @Test
    void depthIsCountedPerPriority() {
        scheduler.add(job("a", "admin", ModelId.MUSIC), 0);
        scheduler.add(job("b", "free", ModelId.MUSIC), 0);
        scheduler.add(job("c", "free", ModelId.AUDIO), 0);
        assertThat(scheduler.depthByPriority()).isEqualTo(Map.of(0, 1, 4, 2));
    }
}
