package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.downstream.InternalTokenIssuer;
import io.soundbox.gateway.support.DownstreamStub;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The pass-through to library-service and tts-service, against a real HTTP stub of both. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class LibraryProxyTests {

    @Test
    void searchIsPassedThroughUnchanged() {
        Response r = given().queryParam("q", "rain").queryParam("per_page", "20").get("/api/library");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.asString()).isEqualTo(LibraryStubResource.SEARCH_BODY);
    }

    @Test
    void itemIsPassedThrough() {
        Response r = given().get("/api/library/gen-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).isEqualTo(LibraryStubResource.ITEM_BODY);
    }

    @Test
    void libraryErrorsArePassedThroughWithTheirProblemDocument() {
        Response r = given().get("/api/library/gen-missing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.asString()).isEqualTo(LibraryStubResource.MISSING_BODY);
    }

    @Test
    void statusReadsGenerationServiceModels() {
        JsonPath status = given().get("/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("status")).isEqualTo("ok");
        assertThat(status.getString("models.music.state")).isEqualTo("ready");
        assertThat(status.getBoolean("models.music.loaded")).isTrue();
        assertThat(status.getString("models.audio.state")).isEqualTo("unloaded");
        assertThat(status.getString("models.magnet-music.state")).isEqualTo("unknown");
        assertThat(status.getLong("gpu.memory_total_mb")).isEqualTo(24576);
        assertThat(status.getLong("gpu.memory_free_mb")).isEqualTo(14336);
        assertThat(status.getList("gpu.loaded_models")).containsExactly("music");
        assertThat(status.getInt("queue_length")).isGreaterThanOrEqualTo(0);
        assertThat(status.getMap("queue_by_model")).containsKeys("music", "audio");
    }

    @Test
    void blockedUserTextIsRefusedBeforeItReachesTheServicesOnEveryRouteAndAlias() {
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "");
        // Every route and alias that takes user text, and spellings the gateway's routing does not
        // know by name: the check looks at the body's text members whatever the path.
        String[][] cases = {
                {"POST", "/api/vote", "{\"generation_id\":\"gen-1\",\"vote\":1,\"notes\":\"%s my p0rn\"}", "notes"},
                {"POST", "/api/vote/", "{\"generation_id\":\"gen-1\",\"vote\":1,\"notes\":\"%s my p0rn\"}", "notes"},
                {"POST", "/api/generations/gen-1/vote", "{\"vote\":1,\"notes\":\"%s sh1t\"}", "notes"},
                {"POST", "/api/library/gen-1/vote", "{\"vote\":-1,\"notes\":\"%s s h i t\"}", "notes"},
                {"POST", "/api/library/gen-1/vote", "{\"vote\":1,\"notes\":\"%s\",\"feedback_reasons\":[\"porn\"]}",
                        "feedback_reasons"},
                {"POST", "/api/playlists", "{\"name\":\"%s p0rn mix\"}", "name"},
                {"POST", "/api/playlists/", "{\"name\":\"fine %s\",\"description\":\"fuck this\"}", "description"},
                {"PUT", "/api/playlists/pl-1", "{\"name\":\"%s p0rn mix\"}", "name"},
                {"PUT", "/api/playlists/pl-1", "{\"description\":\"%s p0rn mix\"}", "description"},
                {"POST", "/api/library/gen-1/suggest-tag", "{\"category\":\"p0rn\",\"x\":\"%s\"}", "category"},
                {"POST", "/api/tts/generate", "{\"text\":\"%s kill yourself\"}", "text"},
                {"POST", "/api/tts/generate/", "{\"text\":\"%s kill yourself\"}", "text"},
                {"POST", "/api/tts/generate", "{\"text\":\"hello %s\",\"tags\":[\"calm\",\"p0rn\"]}", "tags"}};
        for (String[] c : cases) {
            given().contentType("application/json").body(c[2].formatted(marker)).request(c[0], c[1])
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("urn:soundbox:problem:content-not-allowed"))
                    .body("status", org.hamcrest.Matchers.equalTo(400))
                    .body("detail", org.hamcrest.Matchers.containsString(c[3]))
                    .body("error", org.hamcrest.Matchers.containsString(c[3]))
                    .body("field", org.hamcrest.Matchers.equalTo(c[3]));
        }
        // Nothing of it reached library-service or tts-service.
        assertThat(DownstreamStub.received(TestTokens.stubUrl())).noneMatch(r -> String.valueOf(r.get("body")).contains(marker));
        // Innocent text that contains blocked substrings goes through.
        JsonPath echo = given().contentType("application/json").body("{\"name\":\"Scunthorpe grape class\"}")
                .post("/api/playlists").then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("method")).isEqualTo("POST");
    }

    @Test
    void methodPathQueryBodyAndContentTypeArriveUnchanged() {
        String marker = UUID.randomUUID().toString();
        JsonPath echo = given().urlEncodingEnabled(false).contentType("application/json").accept("application/json")
                .body("{\"name\":\"" + marker + "\"}")
                .put("/api/playlists/pl-1?shuffle=true&tag=a%20b").then().statusCode(200).extract().jsonPath();
        assertThat(echo.getString("method")).isEqualTo("PUT");
        assertThat(echo.getString("path")).isEqualTo("/api/playlists/pl-1");
        assertThat(echo.getString("query")).isEqualTo("shuffle=true&tag=a%20b");
        assertThat(echo.getString("content_type")).startsWith("application/json");
        assertThat(echo.getString("body")).isEqualTo("{\"name\":\"" + marker + "\"}");
        assertThat(echo.getString("x_forwarded_for")).isNotBlank();

        for (String method : List.of("POST", "DELETE", "PATCH")) {
            JsonPath e = given().contentType("application/json").body("{}").request(method, "/api/favorites/gen-9")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(e.getString("method")).isEqualTo(method);
            assertThat(e.getString("path")).isEqualTo("/api/favorites/gen-9");
        }
        for (String path : List.of("/api/vote", "/api/generations/g1", "/api/track/t1/play", "/api/trending",
                "/api/most-played", "/api/stats/user/u1", "/api/history/plays", "/api/radio/shuffle",
                "/api/categories/music", "/api/my-generations/storage", "/api/tts/sample/v1", "/api/voices",
                "/api/voice-licenses", "/api/backup/status", "/api/admin/backups", "/api/admin/backups/20261127T030000Z")) {
            given().get(path).then().statusCode(200);
            assertThat(given().get(path).jsonPath().getString("path")).as(path).isEqualTo(path);
        }
    }

    @Test
    void aSignedInCallerIsForwardedAsAShortLivedInternalTokenAndTheirOwnTokenStaysHere() throws Exception {
        String user = "proxy-user-" + UUID.randomUUID();
        String clientToken = TestTokens.token(user, Tier.PREMIUM);
        JsonPath echo = given().auth().oauth2(clientToken).header("Cookie", "session=secret")
                .get("/api/my-generations").then().statusCode(200).extract().jsonPath();
        String authorization = echo.getString("authorization");
        assertThat(authorization).startsWith("Bearer ").doesNotContain(clientToken);
        assertThat(echo.getString("cookie")).isNull();

        // Verified the way downstream services verify it (the contract).
        JWTAuthContextInfo info = new JWTAuthContextInfo(TestTokens.gatewayPublicKey(), InternalTokenIssuer.ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpectedAudience(Set.of(InternalTokenIssuer.AUDIENCE));
        JsonWebToken jwt = new DefaultJWTParser(info).parse(authorization.substring(7));
        assertThat(jwt.getSubject()).isEqualTo(user);
        assertThat(jwt.getClaim("tier").toString()).isEqualTo("premium");
        assertThat(jwt.getGroups()).containsExactly("premium");
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(60);
        assertThat((String) jwt.getClaim("jti")).isNotBlank();

        String admin = TestTokens.token("proxy-admin-" + UUID.randomUUID(), Tier.ADMIN);
        String adminInternal = given().auth().oauth2(admin).get("/api/stats/system").jsonPath()
                .getString("authorization").substring(7);
        assertThat(new DefaultJWTParser(info).parse(adminInternal).getGroups()).containsExactlyInAnyOrder("admin");
    }

    @Test
    void anonymousCallsCarryNoTokenAndBadTokensAreRefusedHere() {
        String marker = "/api/radio/anon-" + UUID.randomUUID();
        assertThat(given().get(marker).jsonPath().getString("authorization")).isNull();

        String refused = "/api/favorites/refused-" + UUID.randomUUID();
        given().auth().oauth2("not-a-token").get(refused).then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(received()).noneMatch(r -> refused.equals(r.get("path")));
    }

    @Test
    void responseHeadersPassExceptTheGatewaysOwn() {
        Response r = given().get("/api/stats/teapot");
        assertThat(r.statusCode()).isEqualTo(418);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("ETag")).isEqualTo("\"v1\"");
        assertThat(r.header("X-Library-Hint")).isEqualTo("short and stout");
        assertThat(r.header("Set-Cookie")).isNull();
        assertThat(r.header("Access-Control-Allow-Origin")).isNotEqualTo("https://evil.example");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void largeBodiesStreamThroughIntact() {
        byte[] body = given().get("/api/radio/big").then().statusCode(200).extract().asByteArray();
        assertThat(body).hasSize(DownstreamStub.BIG_SIZE);
        for (int i = 0; i < body.length; i += 4099) {
            assertThat(body[i]).isEqualTo((byte) (i % (16 * 1024)));
        }
    }

    @Test
    void aServiceSlowerThanItsTimeoutIsA503Problem() {
        given().get("/api/history/slow").then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", org.hamcrest.Matchers.containsString("library is unavailable"));
        // One timeout does not open the circuit: the next call goes through.
        given().get("/api/library/gen-1").then().statusCode(200);
    }

    @Test
    void encodedTraversalIsRefusedBeforeForwarding() {
        for (String path : List.of("/api/library/..%2F..%2Fq%2Fmetrics", "/api/library/%2e%2e/q/health",
                "/api/library/a%5c..%5cb")) {
            // 400 from the proxy's own check, or 404 where the decoded path no longer names a proxied route.
            given().urlEncodingEnabled(false).get(path).then()
                    .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(404)))
                    .contentType("application/problem+json");
        }
        assertThat(received()).noneMatch(r -> String.valueOf(r.get("path")).contains("%"));
    }

    @Test
    void theNewLibraryRoutesArePassedThrough() {
        String user = TestTokens.token("routes-" + UUID.randomUUID(), Tier.PREMIUM);
        for (String path : List.of("/api/my-generations/storage", "/api/graphlings/sources",
                "/api/graphlings/sources/src-1", "/api/graphlings/library")) {
            assertThat(given().auth().oauth2(user).get(path).then().statusCode(200).extract().jsonPath()
                    .getString("path")).as(path).isIn(path, null);
        }
        assertThat(given().get("/api/graphlings/sources").jsonPath().getString("path")).isEqualTo("/api/graphlings/sources");
        JsonPath cleanup = given().auth().oauth2(user).contentType("application/json").body("{\"count\":3,\"dry_run\":true}")
                .post("/api/my-generations/cleanup").then().statusCode(200).extract().jsonPath();
        assertThat(cleanup.getString("path")).isEqualTo("/api/my-generations/cleanup");
        assertThat(cleanup.getString("body")).isEqualTo("{\"count\":3,\"dry_run\":true}");
        assertThat(given().post("/api/track/t1/download").jsonPath().getString("path"))
                .isEqualTo("/api/track/t1/download");
    }

    @Test
    void moderationAndGraphlingsSourcesAreForAdminsCheckedHereToo() {
        String user = TestTokens.token("not-admin-" + UUID.randomUUID(), Tier.CREATOR);
        String admin = TestTokens.token("admin-" + UUID.randomUUID(), Tier.ADMIN);
        String[][] calls = {{"GET", "/api/admin/moderation"}, {"POST", "/api/admin/moderate/gen-1"},
            {"POST", "/api/admin/moderate/bulk"}, {"POST", "/api/graphlings/set-source"}};
        for (String[] c : calls) {
            String marker = c[1] + "?m=" + UUID.randomUUID();
            given().contentType("application/json").body("{}").request(c[0], marker).then().statusCode(401)
                    .contentType("application/problem+json");
            given().auth().oauth2(user).contentType("application/json").body("{}").request(c[0], marker).then()
                    .statusCode(403).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("urn:soundbox:problem:admin-required"));
            String query = marker.substring(marker.indexOf('?') + 1);
            assertThat(received()).as(c[1]).noneMatch(r -> query.equals(r.get("query")));
            JsonPath echo = given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"action\":\"approve\"}").request(c[0], marker).then().statusCode(200).extract().jsonPath();
            assertThat(echo.getString("method")).isEqualTo(c[0]);
            assertThat(echo.getString("path")).isEqualTo(c[1]);
            if (c[0].equals("POST")) {
                assertThat(echo.getString("body")).isEqualTo("{\"action\":\"approve\"}");
            }
        }
    }

    static List<Map<String, Object>> received() {
        return DownstreamStub.received(TestTokens.stubUrl());
    }
}
