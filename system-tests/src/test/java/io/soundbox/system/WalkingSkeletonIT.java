package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.testsupport.KafkaBroker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole stack as an operator runs it: a real KRaft broker and the five packaged services as separate
 * JVMs sharing one data directory, driven only through the gateway's public HTTP API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static Path dataDir;
    private static String gateway;
    private static String token;

    @BeforeAll
    static void startStack() throws Exception {
        Path root = Path.of(System.getProperty("soundbox.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("soundbox.system-test.logs", "target/system-test-logs"));
        dataDir = Files.createTempDirectory("soundbox-system-");
        Map<String, Integer> ports = new HashMap<>();
        for (String m : List.of("gateway-service", "generation-service", "tts-service", "library-service",
                "backup-service")) {
            ports.put(m, freePort());
        }
        Map<String, String> env = new HashMap<>();
        env.put("SOUNDBOX_DATA", dataDir.toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KafkaBroker.bootstrapServers());
        env.put("QUARKUS_REST_CLIENT_LIBRARY_URL", "http://127.0.0.1:" + ports.get("library-service"));
        env.put("QUARKUS_REST_CLIENT_TTS_URL", "http://127.0.0.1:" + ports.get("tts-service"));
        env.put("QUARKUS_REST_CLIENT_GENERATION_URL", "http://127.0.0.1:" + ports.get("generation-service"));
        env.put("QUARKUS_REST_CLIENT_BACKUP_URL", "http://127.0.0.1:" + ports.get("backup-service"));
        for (var e : ports.entrySet()) {
            SERVICES.add(ServiceProcess.start(root, e.getKey(), e.getValue(), env, logs));
        }
        for (ServiceProcess s : SERVICES) {
            s.awaitReady(HTTP, Duration.ofSeconds(120));
        }
        gateway = "http://127.0.0.1:" + ports.get("gateway-service");
    }

    @AfterAll
    static void stopStack() throws Exception {
        for (ServiceProcess s : SERVICES) {
            s.close();
        }
    }

    @Test
    @Order(1)
    void aGuestGetsAFreeTierToken() throws Exception {
        HttpResponse<String> r = post("/api/auth/guest", null, "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("tier").asText()).isEqualTo("free");
        token = body.path("token").asText();
        assertThat(token).isNotBlank();
    }

    @Test
    @Order(2)
    void aPromptBecomesAPlayableWavOfTheAskedDurationThatSearchFinds() throws Exception {
        HttpResponse<String> submitted = post("/generate", token,
                "{\"prompt\":\"gentle rainy lofi piano for studying\",\"model\":\"music\",\"duration\":3}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String jobId = JSON.readTree(submitted.body()).path("job_id").asText();
        assertThat(jobId).isNotBlank();

        JsonNode job = eventually(Duration.ofSeconds(90), () -> {
            JsonNode j = JSON.readTree(get("/job/" + jobId, token).body());
            return j.path("status").asText().equals("completed") ? j : null;
        });
        String audioUrl = job.path("audio_url").asText();
        assertThat(audioUrl).startsWith("/audio/");

        HttpResponse<byte[]> audio = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + audioUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("audio/"));
        PcmBuffer pcm = WavCodec.read(audio.body());
        assertThat(pcm.durationSeconds()).isCloseTo(3.0, within(0.01));
        assertThat(pcm.rms()).as("the file is not silence").isGreaterThan(0.01);

        JsonNode found = eventually(Duration.ofSeconds(60), () -> {
            JsonNode page = JSON.readTree(get("/api/library?q=" + URLEncoder.encode("lofi pian", StandardCharsets.UTF_8),
                    null).body());
            for (JsonNode item : page.path("items")) {
                if (item.path("id").asText().equals(jobId)) {
                    return item;
                }
            }
            return null;
        });
        assertThat(found.path("prompt").asText()).isEqualTo("gentle rainy lofi piano for studying");
        assertThat(found.path("duration").asDouble()).isCloseTo(3.0, within(0.01));
    }

    @Test
    @Order(3)
    void badInputIsAClearProblemAndQueuesNothing() throws Exception {
        HttpResponse<String> unknownModel = post("/generate", token, "{\"prompt\":\"a kazoo solo\",\"model\":\"kazoo\"}");
        assertThat(unknownModel.statusCode()).isEqualTo(400);
        assertThat(unknownModel.headers().firstValue("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(JSON.readTree(unknownModel.body()).path("detail").asText()).contains("kazoo");

        HttpResponse<String> tooLong = post("/generate", token, "{\"prompt\":\"" + "a".repeat(2000) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);

        HttpResponse<String> noToken = post("/generate", null, "{\"prompt\":\"birds at dawn\"}");
        assertThat(noToken.statusCode()).isEqualTo(401);

        HttpResponse<String> traversal = get("/audio/..%2F..%2Fetc%2Fpasswd", null);
        assertThat(traversal.statusCode()).isIn(400, 404);
        assertThat(traversal.body()).doesNotContain("root:");
    }

    @Test
    @Order(4)
    void soundEffectsTakeTheSamePath() throws Exception {
        HttpResponse<String> submitted = post("/generate", token,
                "{\"prompt\":\"thunder rumbling over heavy rain\",\"model\":\"sfx\",\"duration\":2}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String jobId = JSON.readTree(submitted.body()).path("job_id").asText();
        JsonNode job = eventually(Duration.ofSeconds(60), () -> {
            JsonNode j = JSON.readTree(get("/job/" + jobId, token).body());
            return j.path("status").asText().equals("completed") ? j : null;
        });
        Path file = dataDir.resolve("audio").resolve(job.path("filename").asText());
        assertThat(WavCodec.read(file).durationSeconds()).isCloseTo(2.0, within(0.01));
    }

    private static HttpResponse<String> post(String path, String bearer, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <T> T eventually(Duration timeout, Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T v = probe.call();
                if (v != null) {
                    return v;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(300);
        }
        StringBuilder logs = new StringBuilder();
        for (ServiceProcess s : SERVICES) {
            logs.append("\n--- ").append(s.name()).append(" ---\n").append(s.logTail());
        }
        throw new AssertionError("condition not met within " + timeout + (last != null ? " (last error: " + last + ")" : "")
                + logs);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
