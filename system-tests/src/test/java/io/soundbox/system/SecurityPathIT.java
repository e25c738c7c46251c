package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.testsupport.RawHttp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Path confusion through the real gateway in front of the real library-, tts- and backup-service:
 * every attack family is sent as raw bytes (like {@code curl --path-as-is}; the JDK client would
 * normalise dot segments first) and must come back as a problem document from the gateway, with none
 * of a service's own {@code /q/*} or {@code /internal/*} content in it.
 */
class SecurityPathIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "127.0.0.1";

    /** Attack family to raw request targets; every one must be refused with 400. */
    private static final Map<String, List<String>> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("dot-dot-semicolon (..;)", List.of("/api/library/..;/..;/q/metrics", "/api/tts/..;/..;/q/metrics",
                "/api/voices/..;/..;/q/health", "/api/backup/..;/..;/q/openapi", "/api/admin/backups/..;/..;/..;/q/metrics",
                "/api/library/..;/..;/internal/files/x.wav", "/api/library/..;/admin/moderation"));
        REFUSED.put("path parameter (;jsessionid=)", List.of("/api/library;jsessionid=abc",
                "/api/library/..;jsessionid=1/..;/q/metrics"));
        REFUSED.put("dot segments (../, ./)", List.of("/api/library/../../q/metrics", "/api/tts/./../../q/health",
                "/api/library/../admin/moderation"));
        REFUSED.put("encoded dots (%2e, mixed case)", List.of("/api/library/%2e%2e/%2e%2e/q/metrics",
                "/api/tts/%2E%2e/%2e%2E/q/metrics", "/api/library/.%2e/.%2e/q/health"));
        REFUSED.put("encoded slashes (%2f, %2E%2e%2f)", List.of("/api/library/..%2F..%2Fq%2Fmetrics",
                "/api/library/%2E%2e%2f%2E%2e%2fq%2fmetrics", "/api/tts/..%2f..%2finternal%2fjobs"));
        REFUSED.put("double encoding (%252e)", List.of("/api/library/%252e%252e/%252e%252e/q/metrics",
                "/api/tts/%252e%252e%252f%252e%252e%252fq%252fmetrics"));
        REFUSED.put("encoded backslash (%5c)", List.of("/api/library/..%5c..%5cq%5cmetrics", "/api/tts/%5C..%5C..%5Cq"));
        REFUSED.put("raw backslash (\\)", List.of("/api/library/..\\..\\q\\metrics", "/api\\tts\\..\\..\\q\\metrics"));
        REFUSED.put("overlong UTF-8 (%c0%ae)", List.of("/api/library/%c0%ae%c0%ae/%c0%ae%c0%ae/q/metrics",
                "/api/library/..%c0%af..%c0%afq%c0%afmetrics"));
        REFUSED.put("empty segments (//)", List.of("//api/library", "/api/library//..//q/metrics"));
        REFUSED.put("NUL and controls (%00, %0d%0a)", List.of("/api/library/gen%00.wav", "/audio/x.wav%00.txt",
                "/api/library/%0d%0aX-Injected:%201"));
        REFUSED.put("static files and own routes", List.of("/audio/..;/..;/q/metrics", "/widget/..%2f..%2fq%2fmetrics",
                "/..;/q/metrics", "/q/health/..;/..;/api/library"));
    }

    private static SoundboxStack stack;
    private static int gateway;
    private static String user;

    @BeforeAll
    static void start() throws Exception {
        stack = SoundboxStack.shared();
        gateway = Integer.parseInt(stack.gateway().substring(stack.gateway().lastIndexOf(':') + 1));
        user = stack.token("path-tester", "free");
    }

    private static RawHttp.Response get(int port, String target, String token) {
        return RawHttp.send(HOST, port, "GET", target, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** A gateway problem document that carries nothing a service serves on its own paths. */
    private static JsonNode refusedProblem(RawHttp.Response r, int status, String target) throws Exception {
        String what = target + " -> " + r;
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(r.body()).as(what).doesNotContain("# TYPE").doesNotContain("# HELP").doesNotContain("\"checks\"")
                .doesNotContain("openapi:");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(body.path("type").asText()).as(what).isNotBlank();
        assertThat(body.path("error").asText()).as(what).isEqualTo(body.path("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void theRawClientPutsTheTargetOnTheWireByteForByte() throws Exception {
        String target = "/api/library/..;/%2E%2e/./q/metrics";
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<String> requestLine = CompletableFuture.supplyAsync(() -> {
                try (Socket s = server.accept()) {
                    String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))
                            .readLine();
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    return line;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(get(server.getLocalPort(), target, null).status()).isEqualTo(204);
            assertThat(requestLine.get(10, TimeUnit.SECONDS)).isEqualTo("GET " + target + " HTTP/1.1");
        }
    }

    @Test
    void theServicesReallyServeWhatTheAttacksAimAt() {
        // The control: what a leak would look like, fetched from library- and tts-service directly.
        for (String service : List.of("library-service", "tts-service")) {
            RawHttp.Response metrics = get(stack.port(service), "/q/metrics", null);
            assertThat(metrics.status()).as(service).isEqualTo(200);
            assertThat(metrics.body()).as(service).contains("# TYPE");
        }
    }

    @Test
    void everyAttackFamilyIsRefusedByTheGatewayWithAProblem() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (var family : REFUSED.entrySet()) {
            for (String target : family.getValue()) {
                JsonNode body = refusedProblem(get(gateway, target, user), 400, target);
                assertThat(body.path("type").asText()).as(target).isEqualTo("urn:soundbox:problem:invalid-path");
                counts.merge(family.getKey(), 1, Integer::sum);
            }
        }
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(35);
    }

    @Test
    void aServicesOwnPathsAreNotPartOfTheApi() throws Exception {
        for (String target : List.of("/api/q/metrics", "/api/internal/files/x.wav", "/api/q/health")) {
            refusedProblem(get(gateway, target, user), 404, target);
        }
    }

    @Test
    void aQueryJavaNetUriCannotReadIsAProblemToo() throws Exception {
        JsonNode body = refusedProblem(get(gateway, "/api/library?q=a|b{c}", user), 400, "query");
        assertThat(body.path("type").asText()).isEqualTo("urn:soundbox:problem:invalid-request-target");
    }

    @Test
    void anOverlongUriIsA414Problem() throws Exception {
        JsonNode body = refusedProblem(get(gateway, "/api/library?q=" + "a".repeat(9000), null), 414, "9 KB target");
        assertThat(body.path("type").asText()).isEqualTo("urn:soundbox:problem:uri-too-long");
    }

    @Test
    void ordinaryRequestsStillWork() throws Exception {
        RawHttp.Response search = get(gateway, "/api/library?q=a%20b&per_page=5", null);
        assertThat(search.status()).as(search.toString()).isEqualTo(200);
        assertThat(JSON.readTree(search.body()).has("items")).isTrue();
        assertThat(get(gateway, "/api/voices", null).status()).isEqualTo(200);
        assertThat(get(gateway, "/app.js", null).status()).isEqualTo(200);
        // A file name with dots is a file name: the lookup runs (and finds nothing).
        RawHttp.Response missing = get(gateway, "/audio/no.such.file.wav", null);
        assertThat(missing.status()).isEqualTo(404);
        // The gateway's own metrics stay where they were, outside the proxy.
        assertThat(get(gateway, "/q/health/live", null).status()).isEqualTo(200);
    }
}
