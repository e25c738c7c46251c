package io.soundbox.generation.model;

import io.soundbox.events.ModelId;
import io.soundbox.generation.engine.CancellationCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Which models are in memory, loading them on demand and unloading them when idle or when another model
 * needs the room. States: unloaded → loading → ready ⇄ generating, ready → unloading → unloaded.
 *
 * <p>Concurrency: states and lease counts are guarded by {@code this}; loads and unloads themselves run
 * one at a time under {@link #changes} (two loads at once would compete for the same memory), outside
 * the monitor, so a job finishing never waits for a load. A second job asking for a model that is being
 * loaded waits for that load instead of loading it twice (the load guard).
 */
public final class ModelLifecycle {
    private static final Logger LOG = Logger.getLogger(ModelLifecycle.class.getName());

    /**
     * @param reserveMb      memory kept free on the device beyond a model's need (original: 2 GB)
     * @param idleUnloadMs   a ready model unused this long is unloaded
     * @param memoryWaitMs   how long a load waits for memory before its jobs fail (original: 300 s)
     * @param memoryPollMs   how often it looks again while waiting
     * @param probeSeesLoads false when the probe cannot see what the models take (weightless engines with
     *                       configured needs): loaded models' needs are then subtracted from its reading
     */
    public record Policy(long reserveMb, long idleUnloadMs, long memoryWaitMs, long memoryPollMs,
                         boolean probeSeesLoads) {
    }

    /** What {@code GET /models} shows per model. */
    public record ModelStatus(ModelId model, String name, ModelState state, long memoryMb, int activeJobs,
                              long loads, long lastLoadMs, long loadedAtMs, long lastUsedAtMs) {
    }

    private final Map<ModelId, Slot> slots = new EnumMap<>(ModelId.class);
    private final ModelLoader loader;
    private final MemoryProbe probe;
    private final Policy policy;
    private final LongSupplier clock;
    private final LifecycleListener listener;
    private final ReentrantLock changes = new ReentrantLock();

    public ModelLifecycle(Collection<ModelSpec> specs, ModelLoader loader, MemoryProbe probe, Policy policy,
                          LongSupplier clockMs, LifecycleListener listener) {
        for (ModelSpec s : specs) {
            slots.put(s.model(), new Slot(s));
        }
        this.loader = loader;
        this.probe = probe;
        this.policy = policy;
        this.clock = clockMs;
        this.listener = listener;
    }

    /** Marks a model in use until the lease is closed; the lease is only handed out once the model is ready. */
    public interface Lease extends AutoCloseable {
        ModelId model();

        /** True when this acquire had to load the model (the caller announced {@code loading}). */
        boolean loaded();

        @Override
        void close();
    }

    /** True when the model is in memory now (ready or generating). */
    public synchronized boolean isLoaded(ModelId model) {
        Slot s = slots.get(model);
        return s != null && (s.state == ModelState.READY || s.state == ModelState.GENERATING);
    }

    /**
     * Returns a lease on the model, loading it first when needed (evicting idle models, least recently
     * used first, when memory is short; waiting for memory up to the policy's limit).
     *
     * @throws ModelUnavailableException when it could not be loaded; nothing stays half-loaded
     */
    public Lease acquire(ModelId model, CancellationCheck stop) throws ModelUnavailableException, InterruptedException {
        Slot slot = slot(model);
        Lease ready = leaseIfReady(slot, false);
        if (ready != null) {
            return ready;
        }
        changes.lockInterruptibly();
        try {
            ready = leaseIfReady(slot, false);
            if (ready != null) {
                return ready; // another job loaded it while this one waited: the load guard
            }
            makeRoom(slot, stop);
            synchronized (this) {
                slot.state = ModelState.LOADING;
            }
            long started = clock.getAsLong();
            try {
                loader.load(model);
            } catch (Exception | Error e) {
                // Errors too (a native library that does not link, memory): the slot must not stay LOADING.
                synchronized (this) {
                    slot.state = ModelState.UNLOADED;
                }
                listener.loadFailed(model, String.valueOf(e.getMessage()));
                throw new ModelUnavailableException("could not load model " + slot.spec.name() + ": " + e.getMessage(), e);
            }
            long elapsed = clock.getAsLong() - started;
            synchronized (this) {
                slot.state = ModelState.READY;
                slot.loads++;
                slot.lastLoadMs = elapsed;
                slot.loadedAtMs = clock.getAsLong();
                slot.lastUsedMs = slot.loadedAtMs;
            }
            listener.loaded(model, elapsed);
            return leaseIfReady(slot, true);
        } finally {
            changes.unlock();
        }
    }

    /**
     * Loads the model at start when it fits without evicting anything (original: AudioGen when there is
     * room for it); false when it did not fit or failed.
     */
    public boolean preload(ModelId model) {
        Slot slot = slot(model);
        changes.lock();
        try {
            if (isLoaded(model)) {
                return true;
            }
            long free = freeMb(probe.read());
            if (free < slot.spec.memoryMb()) {
                LOG.info("not preloading " + slot.spec.name() + ": needs " + slot.spec.memoryMb() + " MB, " + free
                        + " MB free after the reserve");
                return false;
            }
        } finally {
            changes.unlock();
        }
        try (Lease ignored = acquire(model, CancellationCheck.NEVER)) {
            return true;
        } catch (ModelUnavailableException e) {
            LOG.warning("preload of " + slot.spec.name() + " failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Unloads ready models unused for longer than the idle time; skipped while a load is in progress. */
    public List<ModelId> unloadIdle() {
        List<ModelId> unloaded = new ArrayList<>();
        if (!changes.tryLock()) {
            return unloaded;
        }
        try {
            long now = clock.getAsLong();
            for (Slot s : slots.values()) {
                boolean idle;
                synchronized (this) {
                    idle = s.state == ModelState.READY && s.leases == 0 && now - s.lastUsedMs >= policy.idleUnloadMs();
                }
                if (idle && unload(s, "idle for " + (now - s.lastUsedMs) / 1000 + " s")) {
                    unloaded.add(s.spec.model());
                }
            }
        } finally {
            changes.unlock();
        }
        return unloaded;
    }

    public synchronized List<ModelStatus> snapshot() {
        List<ModelStatus> out = new ArrayList<>();
        for (Slot s : slots.values()) {
            out.add(new ModelStatus(s.spec.model(), s.spec.name(), s.state, s.spec.memoryMb(), s.leases, s.loads,
                    s.lastLoadMs, s.loadedAtMs, s.lastUsedMs));
        }
        return out;
    }

    public synchronized Optional<ModelStatus> status(ModelId model) {
        return snapshot().stream().filter(s -> s.model() == model).findFirst();
    }

    public MemoryReading memory() {
        return probe.read();
    }

    /** Unloads everything idle (service stop). */
    public void close() {
        changes.lock();
        try {
            for (Slot s : slots.values()) {
                boolean idle;
                synchronized (this) {
                    idle = s.state == ModelState.READY && s.leases == 0;
                }
                if (idle) {
                    unload(s, "service stopping");
                }
            }
        } finally {
            changes.unlock();
        }
    }

    /** Called holding {@link #changes}: probes, evicts LRU idle models, waits for memory up to the limit. */
    private void makeRoom(Slot slot, CancellationCheck stop) throws ModelUnavailableException, InterruptedException {
        long need = slot.spec.memoryMb();
        // Real time, not the lifecycle's clock: the wait is spent sleeping.
        long deadline = System.nanoTime() + policy.memoryWaitMs() * 1_000_000;
        while (true) {
            MemoryReading m = probe.read();
            long free = freeMb(m);
            if (free >= need) {
                return;
            }
            if (need > m.totalMb() - policy.reserveMb()) {
                throw new ModelUnavailableException("model " + slot.spec.name() + " needs " + need + " MB but the "
                        + m.source() + " memory is " + m.totalMb() + " MB with " + policy.reserveMb()
                        + " MB kept free", null);
            }
            Slot victim = leastRecentlyUsedIdle(slot);
            if (victim != null) {
                unload(victim, "memory pressure: " + slot.spec.name() + " needs " + need + " MB, " + free + " MB free");
                continue;
            }
            if (stop.isCancelled() || System.nanoTime() - deadline >= 0) {
                throw new ModelUnavailableException("not enough memory to load model " + slot.spec.name() + ": needs "
                        + need + " MB, " + free + " MB free (" + m.source() + ", " + policy.reserveMb()
                        + " MB kept free) after waiting " + policy.memoryWaitMs() / 1000 + " s", null);
            }
            Thread.sleep(policy.memoryPollMs());
        }
    }

    private long freeMb(MemoryReading m) {
        long free = m.freeMb() - policy.reserveMb();
        if (!policy.probeSeesLoads()) {
            free -= loadedMb();
        }
        return free;
    }

    private synchronized long loadedMb() {
        long sum = 0;
        for (Slot s : slots.values()) {
            if (s.state != ModelState.UNLOADED) {
                sum += s.spec.memoryMb();
            }
        }
        return sum;
    }

    private synchronized Slot leastRecentlyUsedIdle(Slot except) {
        Slot lru = null;
        for (Slot s : slots.values()) {
            if (s != except && s.state == ModelState.READY && s.leases == 0
                    && (lru == null || s.lastUsedMs < lru.lastUsedMs)) {
                lru = s;
            }
        }
        return lru;
    }

    /** Called holding {@link #changes}. */
    private boolean unload(Slot s, String why) {
        synchronized (this) {
            if (s.state != ModelState.READY || s.leases > 0) {
                return false;
            }
            s.state = ModelState.UNLOADING;
        }
        try {
            loader.unload(s.spec.model());
        } catch (RuntimeException e) {
            LOG.warning("unloading " + s.spec.name() + " failed (" + e + "); counting it as unloaded");
        } finally {
            synchronized (this) {
                s.state = ModelState.UNLOADED;
            }
        }
        LOG.info("unloaded " + s.spec.name() + ": " + why);
        listener.unloaded(s.spec.model(), why);
        return true;
    }

    private synchronized Lease leaseIfReady(Slot slot, boolean loadedNow) {
        if (slot.state != ModelState.READY && slot.state != ModelState.GENERATING) {
            return null;
        }
        slot.leases++;
        slot.state = ModelState.GENERATING;
        return new SlotLease(slot, loadedNow);
    }

    private synchronized void release(Slot slot) {
        slot.leases--;
        slot.lastUsedMs = clock.getAsLong();
        if (slot.leases == 0 && slot.state == ModelState.GENERATING) {
            slot.state = ModelState.READY;
        }
    }

    private Slot slot(ModelId model) {
        Slot s = slots.get(model);
        if (s == null) {
            throw new IllegalArgumentException("model " + model.wireName() + " is not served here");
        }
        return s;
    }

    private static final class Slot {
        final ModelSpec spec;
        ModelState state = ModelState.UNLOADED;
        int leases;
        long loads;
        long lastLoadMs;
        long loadedAtMs;
        long lastUsedMs;

        Slot(ModelSpec spec) {
            this.spec = spec;
        }
    }

    private final class SlotLease implements Lease {
        private final Slot slot;
        private final boolean loaded;
        private boolean closed;

        SlotLease(Slot slot, boolean loaded) {
            this.slot = slot;
            this.loaded = loaded;
        }

        @Override
        public ModelId model() {
            return slot.spec.model();
        }

        @Override
        public boolean loaded() {
            return loaded;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(slot);
            }
        }
    }
}
