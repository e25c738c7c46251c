package io.soundbox.gateway.bench;

import io.soundbox.events.TopicSpec;
import io.soundbox.events.kafka.TopicBootstrap;
import io.soundbox.gateway.auth.LocalKeyFiles;
import io.soundbox.gateway.auth.LocalTokens;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.testsupport.HttpStub;
import io.soundbox.testsupport.KafkaBroker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * {@code ./soundbox bench gateway}: a closed-loop load generator on loopback against a real gateway.
 *
 * <p>By default it starts everything itself: a single-node KRaft broker inside this JVM and the packaged
 * gateway ({@code --jar}) as a child process with {@code -Xmx256m -XX:+UseSerialGC} (the flags of
 * {@code ./soundbox up}) and a fresh data directory. With {@code --url} it measures a running gateway
 * instead, signing its tokens with {@code --key} (the stack's {@code keys/gateway-private.pem}).
 *
 * <p>Phases, each bounded in requests and seconds: warm-up (not measured); submissions ({@code POST
 * /generate}, each answered only after the broker acknowledged the request); status polls ({@code GET
 * /job/{id}} over the submitted jobs). Callers are admins (no hourly or pending limits), spread over
 * several user ids; then (self-started only) anonymous reads of one public file ({@code GET /audio/…},
 * its visibility from a stub library-service, so after the first read every one is a cache hit).
 * Details go to stderr; stdout gets exactly one line: {@code gateway: submit_rps=… submit_p99_ms=…
 * status_rps=… status_p99_ms=… [files_rps=… files_p99_ms=… file_lookups=…] rss_mb=…}.
 */
public final class GatewayBench {
    private record Options(Path jar, String url, Path key, long pid, int submitConcurrency,
                           int statusConcurrency, Duration submitTime,
                           int submitMax, Duration statusTime, int statusMax, Duration warmup, int users) {
    }

    private record Result(int ok, Map<Integer, Integer> failures, double seconds, long[] latenciesNanos,
                          List<String> jobIds) {
        double rps() {
            return ok / seconds;
        }

        double p99Millis() {
            return percentile(0.99) / 1e6;
        }

        double percentile(double q) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            return latenciesNanos[Math.min(latenciesNanos.length - 1, (int) Math.ceil(q * latenciesNanos.length) - 1)];
        }
    }

    public static void main(String[] args) throws Exception {
        // stdout carries the summary line only: the broker's start-up chatter goes to stderr.
        java.io.PrintStream summary = System.out;
        System.setOut(System.err);
        Options o = parse(args);
        Process gateway = null;
        Path data = null;
        HttpStub library = null;
        String base = o.url();
        Path key = o.key();
        long pid = o.pid();
        try {
            if (base == null) {
                data = Files.createTempDirectory("soundbox-bench");
                int port = freePort();
                String bootstrap = KafkaBroker.bootstrapServers();
                TopicBootstrap.ensure(bootstrap, TopicSpec.ALL, (short) 1, 30_000);
                // library-service's file lookup for the files phase: one public file.
                library = new HttpStub().on("GET", "/internal/files/" + PUBLIC_FILE, HttpStub.Response.json(200,
                        "{\"id\":\"bench-public\",\"filename\":\"" + PUBLIC_FILE + "\",\"user_id\":\"someone\","
                                + "\"is_public\":true,\"owner_public\":true,\"review_status\":\"approved\"}"));
                Files.createDirectories(data.resolve("audio"));
                Files.write(data.resolve("audio").resolve(PUBLIC_FILE), new byte[PUBLIC_FILE_BYTES]);
                gateway = startGateway(o.jar(), data, port, bootstrap, library.baseUrl());
                pid = gateway.pid();
                base = "http://127.0.0.1:" + port;
                key = data.resolve("keys").resolve(LocalKeyFiles.PRIVATE_FILE);
                awaitReady(base, gateway, Duration.ofSeconds(120));
            }
            LocalTokens signer = new LocalTokens(LocalKeyFiles.loadOrCreate(key.getParent()), Clock.systemUTC());
            String[] tokens = new String[o.users()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = signer.issue("bench-" + i, Tier.ADMIN, Duration.ofHours(1)).token();
            }
            URI uri = URI.create(base);
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(uri.getHost())
                    .setDefaultPort(uri.getPort()).setKeepAlive(true).setMaxPoolSize(Math.max(o.submitConcurrency(), o.statusConcurrency()))
                    .setPipelining(false));
            try {
                log("warming up for %s", o.warmup());
                Result warm = run(vertx, client, o.submitConcurrency(), o.warmup(), 1_000_000, submit(tokens), true);
                run(vertx, client, o.statusConcurrency(), o.warmup(), 1_000_000, status(tokens, warm.jobIds()),
                        false);

                log("submissions: up to %d in %s, %d in flight", o.submitMax(), o.submitTime(),
                        o.submitConcurrency());
                Result submits = run(vertx, client, o.submitConcurrency(), o.submitTime(), o.submitMax(),
                        submit(tokens), true);
                report("submit", submits);

                List<String> jobs = new ArrayList<>(warm.jobIds());
                jobs.addAll(submits.jobIds());
                log("status polls: up to %d in %s over %d jobs, %d in flight", o.statusMax(), o.statusTime(),
                        jobs.size(), o.statusConcurrency());
                Result polls = run(vertx, client, o.statusConcurrency(), o.statusTime(), o.statusMax(),
                        status(tokens, jobs), false);
                report("status", polls);

                String files = "";
                if (library != null) {
                    log("public file: up to %d in %s, %d in flight", o.statusMax(), o.statusTime(),
                            o.statusConcurrency());
                    Result reads = run(vertx, client, o.statusConcurrency(), o.statusTime(), o.statusMax(),
                            i -> new Call(HttpMethod.GET, "/audio/" + PUBLIC_FILE, null, null), false);
                    report("files", reads);
                    long lookups = library.received().stream()
                            .filter(r -> r.path().equals("/internal/files/" + PUBLIC_FILE)).count();
                    log("file visibility lookups for %d reads: %d", reads.ok(), lookups);
                    files = String.format(Locale.ROOT, " files_rps=%.0f files_p99_ms=%.1f file_lookups=%d",
                            reads.rps(), reads.p99Millis(), lookups);
                }

                long rss = rssMegabytes(pid);
                log("machine: %d cores, %s; gateway pid %d", Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), pid);
                summary.printf(Locale.ROOT,
                        "gateway: submit_rps=%.0f submit_p99_ms=%.1f status_rps=%.0f status_p99_ms=%.1f%s rss_mb=%d%n",
                        submits.rps(), submits.p99Millis(), polls.rps(), polls.p99Millis(), files, rss);
            } finally {
                client.close();
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        } finally {
            if (gateway != null) {
                gateway.destroy();
                if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                    gateway.destroyForcibly();
                }
            }
            if (data != null) {
                deleteTree(data);
            }
            if (library != null) {
                library.close();
            }
        }
        summary.flush();
        System.exit(0);
    }

    /** One request of a phase: the i-th request's method, path, token and body. */
    private record Call(HttpMethod method, String path, String token, String body) {
    }

    private static IntFunction<Call> submit(String[] tokens) {
        return i -> new Call(HttpMethod.POST, "/generate", tokens[i % tokens.length],
                "{\"prompt\":\"bench tone number " + i + "\",\"model\":\"music\",\"duration\":8}");
    }

    private static IntFunction<Call> status(String[] tokens, List<String> jobIds) {
        if (jobIds.isEmpty()) {
            throw new IllegalStateException("no job was accepted, nothing to poll (see the failures above)");
        }
        // Job i was submitted by user i % tokens; an admin may read any job anyway.
        return i -> new Call(HttpMethod.GET, "/job/" + jobIds.get(i % jobIds.size()), tokens[i % tokens.length], null);
    }

    /**
     * Keeps {@code concurrency} requests in flight until {@code max} requests or {@code time} passed.
     * Everything runs on the client's single event loop, so the counters need no locks.
     */
    private static Result run(Vertx vertx, HttpClient client, int concurrency, Duration time, int max, IntFunction<Call> calls,
                              boolean collectJobIds) throws Exception {
        long[] latencies = new long[max];
        int[] issued = {0};
        int[] done = {0};
        int[] ok = {0};
        Map<Integer, Integer> failures = new TreeMap<>();
        List<String> jobIds = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + time.toNanos();
        CompletableFuture<Double> finished = new CompletableFuture<>();
        Runnable[] next = new Runnable[1];
        int[] active = {0};
        next[0] = () -> {
            if (issued[0] >= max || System.nanoTime() >= deadline) {
                if (--active[0] == 0) {
                    finished.complete((System.nanoTime() - start) / 1e9);
                }
                return;
            }
            int i = issued[0]++;
            Call call = calls.apply(i);
            long t0 = System.nanoTime();
            send(client, call).onComplete(ar -> {
                long elapsed = System.nanoTime() - t0;
                done[0]++;
                if (ar.succeeded() && ar.result().status() / 100 == 2) {
                    latencies[ok[0]++] = elapsed;
                    if (collectJobIds) {
                        jobIds.add(new JsonObject(ar.result().body()).getString("job_id"));
                    }
                } else {
                    failures.merge(ar.succeeded() ? ar.result().status() : -1, 1, Integer::sum);
                    if (ar.failed() && failures.get(-1) == 1) {
                        log("first transport error: %s", ar.cause());
                    }
                }
                next[0].run();
            });
        };
        active[0] = concurrency;
        // Start the loops on the (only) event loop: the counters are touched only there.
        vertx.runOnContext(v -> {
            for (int c = 0; c < concurrency; c++) {
                next[0].run();
            }
        });
        double seconds = finished.get(time.toSeconds() + 120, TimeUnit.SECONDS);
        long[] measured = Arrays.copyOf(latencies, ok[0]);
        Arrays.sort(measured);
        if (!failures.isEmpty()) {
            log("failures by status (-1 = transport error): %s", failures);
        }
        return new Result(ok[0], failures, seconds, measured, jobIds);
    }

    private record Answer(int status, Buffer body) {
    }

    private static Future<Answer> send(HttpClient client, Call call) {
        return client.request(call.method(), call.path()).compose(req -> {
            if (call.token() != null) {
                req.putHeader("Authorization", "Bearer " + call.token());
            }
            if (call.body() != null) {
                req.putHeader("Content-Type", "application/json");
                return req.send(call.body());
            }
            return req.send();
        }).compose(resp -> resp.body().map(b -> new Answer(resp.statusCode(), b)));
    }

    private static void report(String phase, Result r) {
        log("%s: %d ok in %.1f s = %.0f/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", phase,
                r.ok(), r.seconds(), r.rps(), r.percentile(0.5) / 1e6, r.percentile(0.9) / 1e6, r.p99Millis(),
                r.percentile(1.0) / 1e6);
    }

    /** The files phase reads one public file (a few kB, like a short clip's first range). */
    private static final String PUBLIC_FILE = "bench-public.wav";
    private static final int PUBLIC_FILE_BYTES = 16 * 1024;

    private static Process startGateway(Path jar, Path data, int port, String bootstrap, String libraryUrl)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged gateway at " + jar + " (./mvnw package -pl gateway-service)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC"));
        // Extra JVM options for the gateway, e.g. a flight recording: -XX:StartFlightRecording=filename=gw.jfr
        String extra = System.getenv("SOUNDBOX_BENCH_GATEWAY_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("SOUNDBOX_DATA", data.toString());
        env.put("SOUNDBOX_LIBRARY_URL", libraryUrl);
        env.put("SOUNDBOX_GATEWAY_PORT", String.valueOf(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        // All load comes from one loopback address: exempt it from the per-address limits (admins have
        // no per-user limits), so the numbers measure the gateway rather than the 429 path.
        env.put("SOUNDBOX_LIMITS_EXEMPT", "127.0.0.1,::1");
        pb.redirectErrorStream(true).redirectOutput(data.resolve("gateway.log").toFile());
        log("starting %s on port %d (log: %s)", jar, port, data.resolve("gateway.log"));
        return pb.start();
    }

    private static void awaitReady(String base, Process gateway, Duration timeout) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited during start (exit " + gateway.exitValue() + ")");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the gateway was not ready within " + timeout);
    }

    private static long rssMegabytes(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            log("cannot read the RSS of pid %d: %s", pid, e);
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: --jar PATH | --url URL --key PEM [--pid N]"
                        + " [--submit-concurrency N] [--status-concurrency N] [--seconds S] [--submits N] [--polls N] [--warmup S] [--users N]");
            }
            a.put(args[i].substring(2), args[++i]);
        }
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "10"));
        return new Options(Path.of(a.getOrDefault("jar", "gateway-service/target/quarkus-app/quarkus-run.jar")),
                a.get("url"), a.containsKey("key") ? Path.of(a.get("key")) : null,
                Long.parseLong(a.getOrDefault("pid", "0")),
                // Submissions wait on broker round trips, so more of them in flight raise throughput;
                // status polls are CPU-bound, so more in flight only lengthen the queue (and the p99).
                Integer.parseInt(a.getOrDefault("submit-concurrency", "64")),
                Integer.parseInt(a.getOrDefault("status-concurrency", "32")), Duration.ofSeconds(seconds),
                Integer.parseInt(a.getOrDefault("submits", "50000")), Duration.ofSeconds(seconds),
                Integer.parseInt(a.getOrDefault("polls", "500000")),
                Duration.ofSeconds(Integer.parseInt(a.getOrDefault("warmup", "4"))),
                Integer.parseInt(a.getOrDefault("users", "16")));
    }
}
