package io.soundbox.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.DownstreamStub;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBrokerResource;
import io.soundbox.testsupport.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The path check on the real HTTP server, with raw requests (sent byte for byte, like
 * {@code curl --path-as-is}) and a real HTTP stub playing library-, tts- and backup-service.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class PathGuardTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every proxy prefix of ProxyRoutes. */
    private static final List<String> PREFIXES = List.of("library", "generations", "vote", "favorites", "playlists",
            "track", "trending", "most-played", "stats", "history", "radio", "categories", "my-generations",
            "graphlings", "admin/moderation", "admin/moderate", "tts", "voices", "voice-licenses", "backup",
            "admin/backups");
    /** What the services serve to peers and operators only. */
    private static final List<String> INTERNAL = List.of("q/metrics", "q/health", "q/health/ready", "q/openapi",
            "q/swagger-ui", "internal/files/gen-1.wav", "internal/jobs");

    private static RawHttp.Response get(String target, String token) {
        return RawHttp.get(RestAssured.port, target, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** A problem document from anywhere in the gateway (the 404s of unknown paths included). */
    private static JsonNode anyProblem(RawHttp.Response r, int status, String target) throws Exception {
        String what = target + " -> " + r;
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(body.path("detail").asText()).as(what).isNotBlank();
        // Every gateway problem carries the original's error member, the same sentence as detail.
        assertThat(body.path("error").asText()).as(what).isEqualTo(body.path("detail").asText());
        return body;
    }

    /** A refusal of the path check: with the security headers. */
    private static JsonNode problem(RawHttp.Response r, int status, String target) throws Exception {
        JsonNode body = anyProblem(r, status, target);
        assertThat(r.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
        return body;
    }

    private static List<String> receivedPaths() {
        String base = ConfigProvider.getConfig().getValue("quarkus.rest-client.library.url", String.class);
        List<String> paths = new ArrayList<>();
        DownstreamStub.received(base).forEach(r -> paths.add(String.valueOf(r.get("path"))));
        return paths;
    }

    @Test
    void attackFamiliesAreRefusedWith400BeforeAnyRoute() throws Exception {
        int before = receivedPaths().size();
        String user = TestTokens.token("path-user", Tier.CREATOR);
        List<String> attacks = List.of(
                "/api/library/..;/..;/q/metrics", "/api/tts/..;/..;/q/metrics", "/api/library/..;/admin/moderation",
                "/api/library;jsessionid=1", "/api/library/../../q/metrics", "/api/library/./gen-1",
                "/api/library/%2e%2e/%2e%2e/q/metrics", "/api/library/%2E%2e%2f%2E%2E%2fq%2fmetrics",
                "/api/library/..%2F..%2Fq%2Fmetrics", "/api/library/%252e%252e/%252e%252e/q/metrics",
                "/api/library/..%5c..%5cq%5cmetrics", "/api/library/a%5C..%5Cb",
                "/api/library/%c0%ae%c0%ae/%c0%ae%c0%ae/q/metrics", "//api/library", "/api/library//gen-1",
                "/api/library/gen-1%00.wav", "/api/library/%0d%0aX-Injected:%201",
                // Static files and the gateway's own routes are behind the same check.
                "/audio/..;/..;/q/metrics", "/audio/..%2f..%2fkeys%2fgateway-private.pem", "/widget/..;/q/metrics",
                "/..;/q/metrics", "/app.js;.css", "/q/health/..;/..;/api/library");
        for (String target : attacks) {
            JsonNode body = problem(get(target, user), 400, target);
            assertThat(body.path("type").asText()).isEqualTo("urn:soundbox:problem:invalid-path");
        }
        // What Quarkus's own URI check used to refuse with an empty 400 (off, see GatewayMain): now the
        // guard refuses it, with a problem.
        for (String target : List.of("/api/library/..\\..\\q\\metrics", "/api\\library", "/api/library/<script>",
                "/api/library/a|b")) {
            assertThat(problem(get(target, user), 400, target).path("type").asText()).as(target)
                    .isEqualTo("urn:soundbox:problem:invalid-path");
        }
        // A malformed escape in the path fails in Vert.x Web itself, before any route: the router's error
        // handler still answers it with the guard's problem.
        for (String target : List.of("/api/library/%zz", "/api/library/%", "/api/library/%u002e%u002e/q/metrics")) {
            assertThat(problem(get(target, user), 400, target).path("type").asText()).as(target)
                    .isEqualTo("urn:soundbox:problem:invalid-path");
        }
        for (String target : List.of("/api/library?q=a|b", "/api/library?q={x}", "/api/library?q=%zz",
                "/api/library?q=\"x\"")) {
            assertThat(problem(get(target, user), 400, target).path("type").asText()).as(target)
                    .isEqualTo("urn:soundbox:problem:invalid-request-target");
        }
        // Nothing at all was forwarded.
        List<String> after = receivedPaths();
        assertThat(after.subList(before, after.size())).isEmpty();
    }

    @Test
    void theProxyNeverServesAServicesInternalPaths() throws Exception {
        int before = receivedPaths().size();
        String admin = TestTokens.token("path-admin", Tier.ADMIN);
        int sent = 0;
        for (String prefix : PREFIXES) {
            int depth = prefix.split("/").length + 1;
            for (String internal : INTERNAL) {
                List<String> targets = List.of(
                        "/api/" + prefix + "/..;".repeat(depth) + "/" + internal,
                        "/api/" + prefix + "/" + "../".repeat(depth) + internal,
                        "/api/" + prefix + "/" + "%2e%2e/".repeat(depth) + internal,
                        "/api/" + prefix + "/" + "%2e%2e%2f".repeat(depth) + internal.replace("/", "%2f"),
                        "/api/" + internal);
                for (String target : targets) {
                    RawHttp.Response r = get(target, admin);
                    assertThat(r.status()).as(target).isIn(400, 404);
                    anyProblem(r, r.status(), target);
                    assertThat(r.body()).as(target).doesNotContain("# TYPE").doesNotContain("\"path\"");
                    sent++;
                }
            }
        }
        assertThat(sent).isEqualTo(PREFIXES.size() * INTERNAL.size() * 5);
        List<String> after = receivedPaths();
        assertThat(after.subList(before, after.size())).isEmpty();
    }

    @Test
    void moderationCannotBeReachedPastTheAdminCheck() throws Exception {
        String user = TestTokens.token("sneaky-" + System.nanoTime(), Tier.CREATOR);
        problem(get("/api/library/..;/admin/moderation", user), 400, "..;");
        problem(get("/api/library/%2e%2e/admin/moderation", user), 400, "%2e");
        // The plain path still meets the gateway's own admin check.
        assertThat(get("/api/admin/moderation", user).status()).isEqualTo(403);
    }

    @Test
    void ordinaryPathsStillPassInTheirCanonicalForm() throws Exception {
        RawHttp.Response search = get("/api/library?q=a%20b&sort=new", null);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).isEqualTo(LibraryStubResource.SEARCH_BODY);
        assertThat(get("/app.js", null).status()).isEqualTo(200);
        assertThat(get("/q/health/live", null).status()).isEqualTo(200);
        // Encoded unreserved characters are forwarded in their one spelling; other escapes upper-cased.
        get("/api/%6Cibrary/caf%c3%a9", null);
        get("/api/library/a.b.wav", null);
        assertThat(receivedPaths()).contains("/api/library/caf%C3%A9", "/api/library/a.b.wav");
    }

    @Test
    void anOverlongUriIsA414Problem() throws Exception {
        String target = "/api/library?q=" + "a".repeat(9000);
        JsonNode body = problem(get(target, null), 414, "long");
        assertThat(body.path("type").asText()).isEqualTo("urn:soundbox:problem:uri-too-long");
        assertThat(body.path("max_length").asInt()).isEqualTo(8192);
        assertThat(body.path("instance").asText().length()).isLessThan(300);
        // Under the limit, the same request is answered normally.
        assertThat(get("/api/library?q=" + "a".repeat(4000), null).status()).isEqualTo(200);
    }

    @Test
    void vertxsOwnEarlyRefusalsCarryAProblemToo() throws Exception {
        RawHttp.Response star = RawHttp.send(RestAssured.port, "GET", "*", Map.of());
        assertThat(star.status()).isIn(400, 404);
        // Vert.x fails such a request before any route runs, so only the problem body is added here.
        anyProblem(star, star.status(), "*");
    }
}
