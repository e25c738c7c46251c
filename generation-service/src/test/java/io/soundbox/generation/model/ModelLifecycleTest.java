package io.soundbox.generation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.CancellationCheck;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelLifecycleTest {
    /** The original's models: musicgen-small 4 GB, audiogen-medium 5 GB, magnet 6 GB. */
    private static final List<ModelSpec> SPECS = List.of(
            new ModelSpec(ModelId.MUSIC, "musicgen-small", 4096),
            new ModelSpec(ModelId.AUDIO, "audiogen-medium", 5120),
            new ModelSpec(ModelId.MAGNET_MUSIC, "magnet-small-10secs", 6144));

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final FakeGpu gpu = new FakeGpu(12_288);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    /**
     * A device with a fixed amount of memory: loading takes the model's memory, unloading gives it back,
     * another process may hold some. Plays both the probe and the loader, as a real GPU would answer both.
     */
    static final class FakeGpu implements MemoryProbe, ModelLoader {
        final long totalMb;
        volatile long otherProcessesMb;
        final Set<ModelId> loaded = Collections.synchronizedSet(EnumSet.noneOf(ModelId.class));
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch loadGate = new CountDownLatch(0);

        FakeGpu(long totalMb) {
            this.totalMb = totalMb;
        }

        @Override
        public MemoryReading read() {
            long used = otherProcessesMb;
            synchronized (loaded) {
                for (ModelId m : loaded) {
                    used += SPECS.stream().filter(s -> s.model() == m).findFirst().orElseThrow().memoryMb();
                }
            }
            return new MemoryReading(totalMb - used, used, totalMb, "fake-gpu");
        }

        @Override
        public void load(ModelId model) throws Exception {
            calls.add("load " + model.wireName());
            loadGate.await(10, TimeUnit.SECONDS);
            if (model == ModelId.MAGNET_AUDIO) {
                throw new IllegalStateException("weights missing");
            }
            loaded.add(model);
        }

        @Override
        public void unload(ModelId model) {
            calls.add("unload " + model.wireName());
            loaded.remove(model);
        }
    }

    private ModelLifecycle lifecycle(long reserveMb, long idleMs, long waitMs) {
        List<ModelSpec> specs = new ArrayList<>(SPECS);
        specs.add(new ModelSpec(ModelId.MAGNET_AUDIO, "audio-magnet-medium", 100));
        return new ModelLifecycle(specs, gpu, gpu, new ModelLifecycle.Policy(reserveMb, idleMs, waitMs, 10, true),
                clock::get, LifecycleListener.NONE);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private ModelState state(ModelLifecycle l, ModelId m) {
        return l.status(m).orElseThrow().state();
    }

    @Test
    void loadsOnDemandAndWalksThroughTheStates() throws Exception {
        ModelLifecycle l = lifecycle(0, 60_000, 0);
        assertThat(state(l, ModelId.MUSIC)).isEqualTo(ModelState.UNLOADED);
        try (ModelLifecycle.Lease lease = l.acquire(ModelId.MUSIC, CancellationCheck.NEVER)) {
            assertThat(lease.loaded()).isTrue();
            assertThat(state(l, ModelId.MUSIC)).isEqualTo(ModelState.GENERATING);
            assertThat(l.isLoaded(ModelId.MUSIC)).isTrue();
        }
        assertThat(state(l, ModelId.MUSIC)).isEqualTo(ModelState.READY);
        try (ModelLifecycle.Lease again = l.acquire(ModelId.MUSIC, CancellationCheck.NEVER)) {
            assertThat(again.loaded()).isFalse();
        }
        assertThat(gpu.calls).containsExactly("load music");
        assertThat(l.status(ModelId.MUSIC).orElseThrow().loads()).isEqualTo(1);
    }

    @Test
    void twoJobsNeverLoadTheSameModelTwice() throws Exception {
        ModelLifecycle l = lifecycle(0, 60_000, 0);
        gpu.loadGate = new CountDownLatch(1);
        List<Future<ModelLifecycle.Lease>> leases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leases.add(pool.submit(() -> l.acquire(ModelId.AUDIO, CancellationCheck.NEVER)));
        }
        Thread.sleep(200);
        assertThat(state(l, ModelId.AUDIO)).isEqualTo(ModelState.LOADING);
        gpu.loadGate.countDown();
        for (Future<ModelLifecycle.Lease> f : leases) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(gpu.calls).containsExactly("load audio");
        assertThat(l.status(ModelId.AUDIO).orElseThrow().activeJobs()).isEqualTo(4);
        for (Future<ModelLifecycle.Lease> f : leases) {
            f.get().close();
        }
        assertThat(state(l, ModelId.AUDIO)).isEqualTo(ModelState.READY);
    }

    @Test
    void unloadsModelsIdleLongerThanTheIdleTime() throws Exception {
        ModelLifecycle l = lifecycle(0, 60_000, 0);
        l.acquire(ModelId.MUSIC, CancellationCheck.NEVER).close();
        clock.addAndGet(30_000);
        l.acquire(ModelId.AUDIO, CancellationCheck.NEVER).close();
        clock.addAndGet(30_001);

        assertThat(l.unloadIdle()).containsExactly(ModelId.MUSIC);
        assertThat(state(l, ModelId.MUSIC)).isEqualTo(ModelState.UNLOADED);
        assertThat(state(l, ModelId.AUDIO)).isEqualTo(ModelState.READY);
        // A model in use is never idle, however long ago it was loaded.
        try (ModelLifecycle.Lease busy = l.acquire(ModelId.AUDIO, CancellationCheck.NEVER)) {
            clock.addAndGet(3_600_000);
            assertThat(l.unloadIdle()).isEmpty();
        }
        assertThat(gpu.loaded).containsExactly(ModelId.AUDIO);
    }

    @Test
    void evictsTheLeastRecentlyUsedIdleModelUnderMemoryPressure() throws Exception {
        // 12 GB, 2 GB kept free: music (4) + audio (5) fit, magnet (6) needs one of them out.
        ModelLifecycle l = lifecycle(2048, 600_000, 0);
        l.acquire(ModelId.MUSIC, CancellationCheck.NEVER).close();
        clock.addAndGet(1_000);
        l.acquire(ModelId.AUDIO, CancellationCheck.NEVER).close();
        clock.addAndGet(1_000);
        l.acquire(ModelId.MUSIC, CancellationCheck.NEVER).close(); // music is now the most recently used
        clock.addAndGet(1_000);

        l.acquire(ModelId.MAGNET_MUSIC, CancellationCheck.NEVER).close();

        assertThat(gpu.calls).containsExactly("load music", "load audio", "unload audio", "load magnet-music");
        assertThat(state(l, ModelId.AUDIO)).isEqualTo(ModelState.UNLOADED);
        assertThat(gpu.loaded).containsExactlyInAnyOrder(ModelId.MUSIC, ModelId.MAGNET_MUSIC);
    }

    @Test
    void aModelInUseIsNotEvictedAndTheLoadFailsWhenNoMemoryFreesUpInTime() throws Exception {
        ModelLifecycle l = lifecycle(2048, 600_000, 100);
        try (ModelLifecycle.Lease music = l.acquire(ModelId.MUSIC, CancellationCheck.NEVER);
             ModelLifecycle.Lease audio = l.acquire(ModelId.AUDIO, CancellationCheck.NEVER)) {
            assertThatThrownBy(() -> l.acquire(ModelId.MAGNET_MUSIC, CancellationCheck.NEVER))
                    .isInstanceOf(ModelUnavailableException.class)
                    .hasMessageContaining("not enough memory").hasMessageContaining("magnet-small-10secs");
        }
        assertThat(state(l, ModelId.MAGNET_MUSIC)).isEqualTo(ModelState.UNLOADED);
        assertThat(gpu.loaded).containsExactlyInAnyOrder(ModelId.MUSIC, ModelId.AUDIO);
    }

    @Test
    void otherProcessesOnTheDeviceCountAndTheLoadWaitsForThemToLeave() throws Exception {
        ModelLifecycle l = lifecycle(2048, 600_000, 5_000);
        gpu.otherProcessesMb = 8_000; // an Ollama model on the same GPU
        Future<ModelLifecycle.Lease> lease = pool.submit(() -> l.acquire(ModelId.MUSIC, CancellationCheck.NEVER));
        Thread.sleep(150);
        assertThat(lease).isNotDone();
        gpu.otherProcessesMb = 0;
        lease.get(5, TimeUnit.SECONDS).close();
        assertThat(gpu.loaded).containsExactly(ModelId.MUSIC);
    }

    @Test
    void aModelLargerThanTheDeviceFailsAtOnce() {
        MemoryProbe small = () -> new MemoryReading(6_000, 0, 6_000, "small");
        ModelLifecycle l = new ModelLifecycle(SPECS, gpu, small, new ModelLifecycle.Policy(2048, 1, 300_000, 10, true),
                clock::get, LifecycleListener.NONE);
        assertThatThrownBy(() -> l.acquire(ModelId.AUDIO, CancellationCheck.NEVER))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("needs 5120 MB");
    }

    @Test
    void aFailedLoadLeavesTheModelUnloaded() {
        ModelLifecycle l = lifecycle(0, 600_000, 0);
        assertThatThrownBy(() -> l.acquire(ModelId.MAGNET_AUDIO, CancellationCheck.NEVER))
                .isInstanceOf(ModelUnavailableException.class).hasMessageContaining("weights missing");
        assertThat(state(l, ModelId.MAGNET_AUDIO)).isEqualTo(ModelState.UNLOADED);
    }

    @Test
    void preloadsOnlyWhatFitsWithoutEvicting() {
        ModelLifecycle l = lifecycle(2048, 600_000, 0);
        assertThat(l.preload(ModelId.AUDIO)).isTrue();
        assertThat(l.preload(ModelId.MUSIC)).isTrue();
        assertThat(l.preload(ModelId.MAGNET_MUSIC)).isFalse(); // would need an eviction
        assertThat(gpu.loaded).containsExactlyInAnyOrder(ModelId.AUDIO, ModelId.MUSIC);
        assertThat(state(l, ModelId.AUDIO)).isEqualTo(ModelState.READY);
    }

    @Test
    void weightlessModelsWithConfiguredNeedsAreBudgetedByTheLifecycleItself() throws Exception {
        // The host probe cannot see what a weightless engine "holds": the lifecycle subtracts it.
        MemoryProbe host = () -> new MemoryReading(12_288, 0, 12_288, "host");
        ModelLifecycle l = new ModelLifecycle(SPECS, ModelLoader.WEIGHTLESS, host,
                new ModelLifecycle.Policy(2048, 600_000, 0, 10, false), clock::get, LifecycleListener.NONE);
        l.acquire(ModelId.MUSIC, CancellationCheck.NEVER).close();
        clock.addAndGet(10);
        l.acquire(ModelId.AUDIO, CancellationCheck.NEVER).close();
        clock.addAndGet(10);
        l.acquire(ModelId.MAGNET_MUSIC, CancellationCheck.NEVER).close();
        // 10 GB after the reserve, 9 GB held: magnet's 6 GB needs music (least recently used) and then audio out.
        assertThat(state(l, ModelId.MUSIC)).isEqualTo(ModelState.UNLOADED);
        assertThat(state(l, ModelId.AUDIO)).isEqualTo(ModelState.UNLOADED);
        assertThat(state(l, ModelId.MAGNET_MUSIC)).isEqualTo(ModelState.READY);
        clock.addAndGet(10);
        l.acquire(ModelId.MUSIC, CancellationCheck.NEVER).close(); // 6 + 4 fit: nothing evicted
        assertThat(state(l, ModelId.MAGNET_MUSIC)).isEqualTo(ModelState.READY);
    }
}
