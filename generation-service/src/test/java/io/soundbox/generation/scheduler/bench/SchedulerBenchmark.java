package io.soundbox.generation.scheduler.bench;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.generation.scheduler.Dispatch;
import io.soundbox.generation.scheduler.JobScheduler;
import io.soundbox.generation.scheduler.QueuedJob;
import io.soundbox.generation.scheduler.SchedulingPolicy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./soundbox bench scheduler}: the real {@link JobScheduler} against a FIFO baseline on one GPU, on a
 * seeded synthetic workload (mixed tiers and models, bursty arrivals), in simulated time. Prints one line:
 * {@code scheduler: jobs=N switches=S fifo_switches=F p95_wait_paid_s=A p95_wait_free_s=B max_wait_s=M
 * throughput_ratio_vs_fifo=R}; the goals and the workload go to stderr.
 *
 * <p>Model of the machine: a model switch (load) costs {@code LOAD_S}; generation costs {@code GEN_S_PER_AUDIO_S}
 * per second of audio; a batch of k same-model clips runs in one call costing its longest clip times
 * {@code 1 + BATCH_OVERHEAD * (k - 1)}. The service holds at most {@code HELD} jobs (one running, the rest
 * in its bounded queue); the rest wait in Kafka, in arrival order, exactly as the consumer fetches them.
 * Waits count from arrival to start, as the service's starvation rule counts them. Throughput is jobs per
 * second of GPU time (FIFO's busy time over the scheduler's): the arrival schedule bounds both makespans,
 * so the GPU time the same jobs need is what shows how much more the same GPU sustains.
 */
public final class SchedulerBenchmark {
    static final double LOAD_S = 8.0;
    static final double GEN_S_PER_AUDIO_S = Double.parseDouble(System.getProperty("gen", "0.15"));
    static final double BATCH_OVERHEAD = 0.25;
    /** One worker plus soundbox.generation.max-queued (24). */
    static final int HELD = 25;
    static final int BURST_MIN = Integer.getInteger("burstMin", 8);
    static final int BURST_MAX = Integer.getInteger("burstMax", 12);
    static final double BURST_S = Double.parseDouble(System.getProperty("burstS", "10"));
    static final double CALM_MIN_S = Double.parseDouble(System.getProperty("calm", "90"));
    static final double WAVE_S = Double.parseDouble(System.getProperty("wave", "300"));
    static final double BUSY_GAP_S = Double.parseDouble(System.getProperty("busyGap", "8"));
    static final double QUIET_GAP_S = Double.parseDouble(System.getProperty("quietGap", "40"));
    static final int PAID_MAX_S = Integer.getInteger("paidMax", 60);
    /**
     * Models the GPU holds at once, least recently used unloaded first, as the service's model registry does
     * by free memory: 1 is a small GPU (the default, the hardest case), 2 a 24 GB card with two of the
     * original's models, 4 a card that holds all of them.
     */
    static final int RESIDENT = Integer.getInteger("resident", 1);
    static final String[] TIERS = {"admin", "creator", "premium", "supporter", "free"};
    static final double[] TIER_SHARE = {0.03, 0.10, 0.15, 0.22, 0.50};
    static final ModelId[] MODELS = {ModelId.MUSIC, ModelId.AUDIO, ModelId.MAGNET_MUSIC, ModelId.MAGNET_AUDIO};
    static final double[] MODEL_SHARE = {0.40, 0.35, 0.15, 0.10};

    record Job(int n, double arrival, String tier, ModelId model, int seconds) {
        boolean paid() {
            return !tier.equals("free") && !tier.equals("admin");
        }
    }

    /** Waits per job (by arrival number), switches, and when the last job finished. */
    record Result(double[] waits, int switches, double end, double longestDispatch, double busy, List<Busy> gpuTime) {
    }

    /** What the GPU did from start to end: a load, or a run of a batch with or without a paying job. */
    record Busy(double start, double end, Use use) {
    }

    enum Use { LOAD, PAID_RUN, FREE_RUN }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        List<Job> workload = workload(seed, jobs);
        SchedulingPolicy policy = SchedulingPolicy.defaults(HELD);
        Result ours = simulateScheduler(workload, policy, 3);
        Result fifo = simulateFifo(workload);

        double p95Paid = p95(workload, ours.waits(), true);
        double p95Free = p95(workload, ours.waits(), false);
        double maxWait = Arrays.stream(ours.waits()).max().orElse(0);
        double first = workload.get(0).arrival();
        // Throughput: jobs per second of GPU time, i.e. what the same GPU sustains under each policy.
        double ratio = fifo.busy() / ours.busy();
        double makespanRatio = (fifo.end() - first) / (ours.end() - first);
        System.out.println(String.format(Locale.ROOT,
                "scheduler: jobs=%d switches=%d fifo_switches=%d p95_wait_paid_s=%.1f p95_wait_free_s=%.1f "
                        + "max_wait_s=%.1f throughput_ratio_vs_fifo=%.2f",
                workload.size(), ours.switches(), fifo.switches(), p95Paid, p95Free, maxWait, ratio));

        double bound = policy.starvationMs() / 1000.0 + ours.longestDispatch();
        System.err.println(String.format(Locale.ROOT,
                "workload: seed=%d, %d jobs over %.0f s (" + System.getProperty("mode", "bursts") + "); load %.0f s, generation %.2f s per audio s, "
                        + "batch overhead %.0f%%, %d jobs held, " + RESIDENT + " model(s) in GPU memory; GPU busy %.0f s vs fifo %.0f s, makespan ratio %.2f; "
                        + "fifo: p95 paid %.1f s, p95 free %.1f s, max %.1f s",
                seed, workload.size(), workload.get(workload.size() - 1).arrival() - first, LOAD_S, GEN_S_PER_AUDIO_S,
                BATCH_OVERHEAD * 100, HELD, ours.busy(), fifo.busy(), makespanRatio, p95(workload, fifo.waits(), true), p95(workload, fifo.waits(), false),
                Arrays.stream(fifo.waits()).max().orElse(0)));
        goal("at least 50% fewer model switches than FIFO", ours.switches() <= fifo.switches() * 0.5,
                String.format(Locale.ROOT, "%d vs %d (%.0f%% fewer)", ours.switches(), fifo.switches(),
                        100.0 * (fifo.switches() - ours.switches()) / Math.max(1, fifo.switches())));
        goal("higher throughput than FIFO", ratio > 1.0, String.format(Locale.ROOT, "ratio %.2f", ratio));
        goal("no job waits more than the starvation bound plus one run", maxWait <= bound,
                String.format(Locale.ROOT, "max %.1f s, bound %.1f s (60 s + longest run %.1f s)", maxWait, bound,
                        ours.longestDispatch()));
        goal("paid tiers' p95 wait well below free's (at most half)", p95Paid <= p95Free * 0.5,
                String.format(Locale.ROOT, "%.1f s vs %.1f s", p95Paid, p95Free));

        // What the workload allows, for reading the goals: the same scheduler without free jobs at all
        // (no policy can serve paid jobs faster than that), and with the affinity cap lifted.
        List<Job> paidOnly = withoutFree(workload);
        double paidFloor = p95(paidOnly, simulateScheduler(paidOnly, policy, 3).waits(), true);
        SchedulingPolicy uncapped = new SchedulingPolicy(Integer.MAX_VALUE, policy.starvationMs(), policy.maxBatch(),
                policy.capacity(), policy.tierPriorities(), policy.maxPendingPerUser());
        int uncappedSwitches = simulateScheduler(workload, uncapped, 3).switches();
        System.err.println(String.format(Locale.ROOT,
                "context: paid p95 with no free jobs at all %.1f s (half of free's p95 needs free p95 >= %.1f s); "
                        + "switches with no affinity cap %d (%.0f%% fewer than FIFO)",
                paidFloor, 2 * paidFloor, uncappedSwitches,
                100.0 * (fifo.switches() - uncappedSwitches) / Math.max(1, fifo.switches())));
        double[] tail = paidTail(workload, ours);
        System.err.println(String.format(Locale.ROOT,
                "context: the slowest tenth of paid jobs waited %.1f s on average: %.1f s for model loads, %.1f s for "
                        + "runs of batches with a paying job, %.1f s for runs of free jobs only, %.1f s idle",
                tail[0], tail[1], tail[2], tail[3], tail[4]));
    }

    /**
     * Where the slowest tenth of paid jobs spent their wait: the mean wait, then the GPU's loads, runs of
     * batches with a paying job, runs of free jobs only, and idle time during it.
     */
    static double[] paidTail(List<Job> workload, Result result) {
        List<Job> slowest = workload.stream().filter(Job::paid)
                .sorted((a, b) -> Double.compare(result.waits()[b.n()], result.waits()[a.n()])).toList();
        slowest = slowest.subList(0, Math.max(1, slowest.size() / 10));
        double[] out = new double[5];
        for (Job j : slowest) {
            double from = j.arrival();
            double to = from + result.waits()[j.n()];
            double busy = 0;
            for (Busy b : result.gpuTime()) {
                double overlap = Math.max(0, Math.min(to, b.end()) - Math.max(from, b.start()));
                out[1 + b.use().ordinal()] += overlap;
                busy += overlap;
            }
            out[0] += to - from;
            out[4] += to - from - busy;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= slowest.size();
        }
        return out;
    }

    /** The workload less its free jobs, renumbered; the other jobs keep their arrival times. */
    static List<Job> withoutFree(List<Job> workload) {
        List<Job> out = new ArrayList<>();
        for (Job j : workload) {
            if (!j.tier().equals("free")) {
                out.add(new Job(out.size(), j.arrival(), j.tier(), j.model(), j.seconds()));
            }
        }
        return out;
    }

    private static void goal(String what, boolean met, String detail) {
        System.err.println((met ? "goal met:     " : "goal NOT met: ") + what + " - " + detail);
    }

    /**
     * The default workload: bursts of {@code BURST_MIN}-{@code BURST_MAX} jobs within {@code BURST_S},
     * separated by calm stretches of {@code CALM_MIN_S} to twice that, with a few stray jobs.
     */
    static List<Job> workload(long seed, int count) {
        return System.getProperty("mode", "bursts").equals("waves") ? waves(seed, count) : bursts(seed, count);
    }

    /**
     * Poisson arrivals whose rate swings every {@code WAVE_S}: busy stretches (mean gap {@code BUSY_GAP_S})
     * above what the GPU clears, then quiet ones (mean gap {@code QUIET_GAP_S}) in which the queue drains.
     */
    static List<Job> waves(long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Job> out = new ArrayList<>();
        double t = 0;
        while (out.size() < count) {
            boolean busy = ((long) (t / WAVE_S)) % 2 == 0;
            double meanGap = busy ? BUSY_GAP_S : QUIET_GAP_S;
            t += -Math.log(1 - rng.nextDouble()) * meanGap;
            out.add(job(out.size(), t, rng));
        }
        return out;
    }

    static List<Job> bursts(long seed, int count) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Job> out = new ArrayList<>();
        double t = 0;
        while (out.size() < count) {
            int burst = BURST_MIN + rng.nextInt(BURST_MAX - BURST_MIN + 1);
            double start = t;
            for (int i = 0; i < burst && out.size() < count; i++) {
                out.add(job(out.size(), start + rng.nextDouble() * BURST_S, rng));
            }
            t = start + BURST_S;
            int stray = rng.nextInt(3);
            double calm = CALM_MIN_S + rng.nextDouble() * CALM_MIN_S;
            for (int i = 0; i < stray && out.size() < count; i++) {
                out.add(job(out.size(), t + rng.nextDouble() * calm, rng));
            }
            t += calm;
        }
        out.sort((a, b) -> Double.compare(a.arrival(), b.arrival()));
        List<Job> numbered = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Job j = out.get(i);
            numbered.add(new Job(i, j.arrival(), j.tier(), j.model(), j.seconds()));
        }
        return numbered;
    }

    private static Job job(int n, double arrival, SplittableRandom rng) {
        String tier = TIERS[pick(TIER_SHARE, rng)];
        ModelId model = MODELS[pick(MODEL_SHARE, rng)];
        // Clips as people ask for them: short, and within each tier's maximum (free 30 s).
        int maxSeconds = tier.equals("free") ? 30 : PAID_MAX_S;
        return new Job(n, arrival, tier, model, 5 + rng.nextInt(maxSeconds - 4));
    }

    private static int pick(double[] shares, SplittableRandom rng) {
        double x = rng.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    static double runCost(List<Integer> seconds) {
        int longest = seconds.stream().mapToInt(Integer::intValue).max().orElse(0);
        return longest * GEN_S_PER_AUDIO_S * (1 + BATCH_OVERHEAD * (seconds.size() - 1));
    }

    /** The real scheduler; Kafka keeps what the service does not hold, in arrival order. */
    static Result simulateScheduler(List<Job> workload, SchedulingPolicy policy, int batch) {
        JobScheduler scheduler = new JobScheduler(policy);
        Deque<Job> kafka = new ArrayDeque<>();
        Map<String, Job> byId = new HashMap<>();
        double[] waits = new double[workload.size()];
        int next = 0;
        double t = 0;
        double longest = 0;
        double busy = 0;
        Gpu gpu = new Gpu(RESIDENT);
        List<Busy> gpuTime = new ArrayList<>();
        int done = 0;
        while (done < workload.size()) {
            while (next < workload.size() && workload.get(next).arrival() <= t) {
                kafka.add(workload.get(next++));
            }
            while (!kafka.isEmpty() && scheduler.size() < HELD - 1) {
                Job j = kafka.poll();
                byId.put(id(j), j);
                scheduler.add(request(j), Math.round(j.arrival() * 1000));
            }
            if (scheduler.isEmpty()) {
                t = workload.get(next).arrival();
                continue;
            }
            Dispatch d = scheduler.next(Math.round(t * 1000), m -> batch, gpu::holds).orElseThrow();
            double load = gpu.use(d.model());
            if (load > 0) {
                gpuTime.add(new Busy(t, t + load, Use.LOAD));
            }
            List<Integer> seconds = new ArrayList<>();
            boolean paying = false;
            for (QueuedJob q : d.jobs()) {
                Job j = byId.get(q.jobId());
                waits[j.n()] = t - j.arrival();
                seconds.add(j.seconds());
                paying |= !j.tier().equals("free");
            }
            double run = runCost(seconds);
            gpuTime.add(new Busy(t + load, t + load + run, paying ? Use.PAID_RUN : Use.FREE_RUN));
            longest = Math.max(longest, load + run);
            busy += load + run;
            t += load + run;
            done += d.jobs().size();
        }
        return new Result(waits, gpu.switches, t, longest, busy, gpuTime);
    }

    /**
     * The models in GPU memory, least recently used first. Using one that is not there costs a load
     * (evicting the least recently used when full); every load after the very first counts as a switch.
     */
    static final class Gpu {
        private final int capacity;
        private final java.util.LinkedHashSet<ModelId> held = new java.util.LinkedHashSet<>();
        private int loads;
        int switches;

        Gpu(int capacity) {
            this.capacity = capacity;
        }

        boolean holds(ModelId model) {
            return held.contains(model);
        }

        /** Seconds spent loading before the model can run: 0 when it is held. */
        double use(ModelId model) {
            if (held.remove(model)) {
                held.add(model);
                return 0;
            }
            if (held.size() >= capacity) {
                held.remove(held.iterator().next());
            }
            held.add(model);
            if (loads++ > 0) {
                switches++;
            }
            return LOAD_S;
        }
    }

    /** One job at a time in arrival order, loading the job's model when it is not held. */
    static Result simulateFifo(List<Job> workload) {
        double[] waits = new double[workload.size()];
        double t = 0;
        double busy = 0;
        Gpu gpu = new Gpu(RESIDENT);
        for (Job j : workload) {
            t = Math.max(t, j.arrival());
            waits[j.n()] = t - j.arrival();
            double cost = runCost(List.of(j.seconds())) + gpu.use(j.model());
            t += cost;
            busy += cost;
        }
        return new Result(waits, gpu.switches, t, 0, busy, List.of());
    }

    static double p95(List<Job> workload, double[] waits, boolean paid) {
        double[] w = workload.stream().filter(j -> j.paid() == paid && !j.tier().equals("admin"))
                .mapToDouble(j -> waits[j.n()]).sorted().toArray();
        if (w.length == 0) {
            return 0;
        }
        return w[(int) Math.ceil(0.95 * w.length) - 1];
    }

    private static String id(Job j) {
        return "job-" + j.n();
    }

    private static GenerationRequested request(Job j) {
        return new GenerationRequested(SchemaVersion.CURRENT, id(j), "user-" + j.n(), j.tier(), 4, j.model(),
                "benchmark", j.seconds(), false, null, null);
    }

    private SchedulerBenchmark() {
    }
}
