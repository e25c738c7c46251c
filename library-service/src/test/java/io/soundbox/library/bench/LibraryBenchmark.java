package io.soundbox.library.bench;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.domain.CategoryCatalog;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.ingest.GenerationIngestor;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.LibrarySchema;
import io.soundbox.library.persistence.Migrator;
import io.soundbox.library.radio.ListenerHistory;
import io.soundbox.library.radio.RadioService;
import io.soundbox.library.radio.RadioStation;
import io.soundbox.library.radio.RadioStore;
import io.soundbox.library.search.Fts5Query;
import io.soundbox.library.search.LibraryBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * {@code ./soundbox bench library}: loads generated rows into a real SQLite file through the service's
 * own ingestion code (categoriser, upsert, FTS and category triggers) in batches, then times searches
 * through the library browser and radio "next" calls, and prints one summary line.
 *
 * <p>Arguments (all optional): rows (1000000), batch size (10000, the Kafka consumer's largest batch),
 * searches (2000), radio calls (2000),
 * database file (target/bench/library.db). Deterministic data (fixed seed); one thread stores and searches, another
 * makes the next events.
 */
public final class LibraryBenchmark {
    private static final int USERS = 10_000;
    private static final boolean RANDOM_IDS = "random".equals(System.getProperty("bench.ids"));
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Words prompts are made of: categories' keywords plus everyday words, as people write prompts. */
    private static final String[] FILLER = ("with a and the in of for over under soft loud slow fast warm cold "
            + "deep bright distant close night morning evening summer winter city rainy sunny old new little big "
            + "long short smooth rough heavy light dark golden silver hidden lost dreaming floating walking "
            + "rising falling endless quiet wild gentle broken lonely happy sad calm tense").split(" ");

    public static void main(String[] args) throws Exception {
        int rows = arg(args, 0, 1_000_000);
        int batch = arg(args, 1, 10_000);
        int searches = arg(args, 2, 2_000);
        int radioCalls = arg(args, 3, 2_000);
        Path file = Path.of(args.length > 4 ? args[4] : "target/bench/library.db").toAbsolutePath();
        Files.createDirectories(file.getParent());
        // -Dbench.reuse=true: time searches and radio on the file a previous run loaded (no ingestion)
        boolean reuse = Boolean.getBoolean("bench.reuse") && Files.exists(file);
        for (String suffix : List.of("", "-wal", "-shm")) {
            if (!reuse) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
        CategoryCatalog catalog = CategoryCatalog.loadDefault();
        List<String> vocabulary = vocabulary(catalog);
        try (PooledSqlite db = new PooledSqlite(file)) {
            new Migrator(db).migrate(LibrarySchema.migrations());
            GenerationRepository repository = new GenerationRepository(db);
            GenerationIngestor ingestor = new GenerationIngestor(new Categorizer(catalog), repository);

            double[] ingest = reuse ? new double[] {Double.NaN, Double.NaN} : ingest(ingestor, rows, batch, vocabulary);
            double ingestPerSecond = ingest[0];
            System.err.printf(Locale.ROOT, "ingested %,d rows at %,.0f rows/s into %s (%,d MB)%n", rows,
                    ingestPerSecond, file, Files.size(file) / (1024 * 1024));

            double[] search = search(new LibraryBrowser(repository), vocabulary, searches, false);
            double[] userSearch = search(new LibraryBrowser(repository), vocabulary, Math.max(10, searches / 4), true);
            double[] radio = radio(new RadioStore(db), radioCalls);
            // The first five fields are the original line; the rest: ingestion rate if only this thread's CPU
            // time counted, search p99 in thread CPU time (what a busy machine does not inflate), and the
            // share of searches whose total was capped (total_is_estimate), then p50 and p99 of searches within one
            // user's items.
            System.out.printf(Locale.ROOT, "library: rows=%d ingest_per_s=%.0f search_p50_ms=%.2f search_p99_ms=%.2f"
                    + " radio_next_p99_ms=%.2f ingest_cpu_per_s=%.0f search_cpu_p99_ms=%.2f search_capped_pct=%.1f"
                    + " user_search_p50_ms=%.2f user_search_p99_ms=%.2f%n",
                    rows, ingestPerSecond, search[0], search[1], radio[1], ingest[1], search[3], search[4],
                    userSearch[0], userSearch[1]);
            System.err.printf(Locale.ROOT, "(search over %d queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                    + " radio next over %d calls: p50 %.2f ms, p99 %.2f ms, max %.2f ms; %s, %d cores)%n",
                    searches, search[0], search[1], search[2], radioCalls, radio[0], radio[1], radio[2],
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Rows per second of wall time and of this thread's CPU time. Events are made on a second thread, at
     * most two batches ahead, as the Kafka client decodes the next records on its poll thread while the
     * consumer stores a batch: the rate is the library's, not the load generator's.
     */
    private static double[] ingest(GenerationIngestor ingestor, int rows, int batch, List<String> vocabulary)
            throws InterruptedException {
        java.util.concurrent.BlockingQueue<List<AudioCreated>> ready = new java.util.concurrent.ArrayBlockingQueue<>(2);
        Thread producer = new Thread(() -> {
            Random random = new Random(42);
            Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
            try {
                for (int from = 0; from < rows; from += batch) {
                    List<AudioCreated> events = new ArrayList<>(batch);
                    for (int i = from; i < Math.min(rows, from + batch); i++) {
                        events.add(event(i, random, vocabulary, t0));
                    }
                    ready.put(events);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-events");
        producer.setDaemon(true);
        producer.start();
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        long storeCpu = 0;
        for (int stored = 0; stored < rows; ) {
            List<AudioCreated> events = ready.take();
            long c = CPU.getCurrentThreadCpuTime();
            ingestor.storeAll(events);
            storeCpu += CPU.getCurrentThreadCpuTime() - c;
            stored += events.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.err.printf(Locale.ROOT, "ingest: %.1f s wall, %.1f s CPU of this thread (%.1f s in storeAll);"
                + " CPU-bound rate %,.0f rows/s%n", seconds, cpu, storeCpu / 1e9, rows / cpu);
        return new double[] {rows / seconds, rows / cpu};
    }

    private static AudioCreated event(int i, Random random, List<String> vocabulary, Instant t0) {
        int k = random.nextInt(10);
        AudioKind kind = k < 6 ? AudioKind.MUSIC : k < 9 ? AudioKind.SFX : AudioKind.SPEECH;
        int words = 5 + random.nextInt(8);
        StringBuilder prompt = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                prompt.append(' ');
            }
            prompt.append(random.nextInt(3) == 0 ? FILLER[random.nextInt(FILLER.length)]
                    : vocabulary.get(random.nextInt(vocabulary.size())));
        }
        // As the services name them: a time-ordered UUID (version 7) job id, <id>.wav and <id>.png, arriving
        // roughly in creation order. -Dbench.ids=random uses version 4 ids, as before TimeOrderedIds.
        Instant createdAt = t0.plusSeconds(i);
        String id = RANDOM_IDS ? new java.util.UUID(random.nextLong(), random.nextLong()).toString()
                : io.soundbox.events.TimeOrderedIds.of(createdAt, random);
        String model = kind == AudioKind.MUSIC ? "music" : kind == AudioKind.SFX ? "audio" : "voice";
        String spectrogram = kind == AudioKind.SPEECH ? null : id + ".png";
        return new AudioCreated(SchemaVersion.CURRENT, id, id, id + ".wav", kind, model, prompt.toString(),
                1 + random.nextInt(120), 32000, "user-" + random.nextInt(USERS), random.nextInt(100) < 85,
                40 + random.nextInt(60), spectrogram, kind == AudioKind.SPEECH ? "en_US-lessac-medium" : null, false,
                List.of(), createdAt);
    }

    /**
     * p50, p99 and max of searches of 1-3 words, the last one a prefix as typed in a search box; then the p99
     * of thread CPU time and the percentage of searches whose total was capped. withinUser: each search is
     * within one user's items (a profile or "my generations"; ~100 rows each), as that user.
     */
    private static double[] search(LibraryBrowser browser, List<String> vocabulary, int n, boolean withinUser) {
        Random random = new Random(7);
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < n + n / 10; i++) {
            int words = 1 + random.nextInt(3);
            List<String> q = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                q.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            String last = q.get(q.size() - 1);
            if (last.length() > 4 && random.nextBoolean()) {
                q.set(q.size() - 1, last.substring(0, 3 + random.nextInt(last.length() - 3)));
            }
            queries.add(String.join(" ", q));
        }
        double[] ms = new double[n];
        double[] cpuMs = new double[n];
        int estimated = 0;
        for (int i = 0; i < queries.size(); i++) {
            String text = queries.get(i);
            Fts5Query match = Fts5Query.parse(text).orElse(null);
            String user = withinUser ? "user-" + random.nextInt(USERS) : null;
            LibraryQuery query = new LibraryQuery(1, 20, null, match, match == null ? LibrarySort.RECENT
                    : LibrarySort.RELEVANCE, user, null, user == null ? Caller.anonymous() : Caller.user(user, "free"),
                    null, null, null);
            long c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            boolean capped = browser.browse(query, text).totalIsEstimate();
            if (i >= n / 10) { // the first tenth warms the JIT and the page cache
                estimated += capped ? 1 : 0;
                ms[i - n / 10] = (System.nanoTime() - t) / 1e6;
                cpuMs[i - n / 10] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        report(withinUser ? "search within one user's items" : "search", cpuMs);
        double[] wall = percentiles(ms);
        return new double[] {wall[0], wall[1], wall[2], percentiles(cpuMs)[1], 100.0 * estimated / n};
    }

    /** p50, p99 and max of "next 3 tracks" for 200 listener sessions over shuffle and mood stations. */
    private static double[] radio(RadioStore store, int n) {
        RadioService radio = new RadioService(store, new ListenerHistory(10_000, 50), Clock.systemUTC());
        List<RadioStation> stations = List.of(RadioStation.parse("shuffle").orElseThrow(),
                RadioStation.parse("lofi").orElseThrow(), RadioStation.parse("ambient").orElseThrow(),
                RadioStation.parse("retro").orElseThrow(), RadioStation.parse("piano").orElseThrow());
        Random random = new Random(11);
        double[] ms = new double[n];
        double[] cpuMs = new double[n];
        for (int i = 0; i < n + n / 10; i++) {
            RadioStation station = stations.get(random.nextInt(stations.size()));
            RadioService.Request r = new RadioService.Request(station, null, null, 24, "s:" + random.nextInt(200),
                    Set.of(), 3);
            long c = CPU.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            radio.next(r, Caller.anonymous());
            if (i >= n / 10) {
                ms[i - n / 10] = (System.nanoTime() - t) / 1e6;
                cpuMs[i - n / 10] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        report("radio next", cpuMs);
        return percentiles(ms);
    }

    private static void report(String what, double[] cpuMs) {
        double[] p = percentiles(cpuMs);
        System.err.printf(Locale.ROOT, "%s, thread CPU time: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, p[0], p[1],
                p[2]);
    }

    private static List<String> vocabulary(CategoryCatalog catalog) {
        List<String> words = new ArrayList<>();
        for (AudioKind kind : AudioKind.values()) {
            catalog.of(kind).keywords().values().forEach(list -> list.stream()
                    .filter(k -> k.matches("[a-z]{3,}")).forEach(words::add));
        }
        return words.stream().distinct().sorted().toList();
    }

    private static double[] percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new double[] {at(sorted, 0.50), at(sorted, 0.99), sorted[sorted.length - 1]};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i].replace("_", "")) : dflt;
    }

    private LibraryBenchmark() {
    }
}
