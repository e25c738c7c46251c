package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.guestToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.soundbox.gateway.auth.LocalKeyFiles;
import io.soundbox.gateway.auth.LocalTokens;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import io.soundbox.testsupport.TestJwts;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class GenerateValidationTests {
    @Inject
    GatewayConfig config;

    private String token;

    @BeforeEach
    void token() {
        token = guestToken();
    }

    private ValidatableResponse post(String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json).post("/generate").then();
    }

    private static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo("/generate"));
    }

    @Test
    void keyFilesAreCreatedWithTheDocumentedFormat() throws Exception {
        Path keys = config.dataDir().resolve("keys");
        String priv = Files.readString(keys.resolve("gateway-private.pem"));
        String pub = Files.readString(keys.resolve("gateway-public.pem"));
        org.assertj.core.api.Assertions.assertThat(priv).startsWith("-----BEGIN PRIVATE KEY-----");
        org.assertj.core.api.Assertions.assertThat(pub).startsWith("-----BEGIN PUBLIC KEY-----");
        org.assertj.core.api.Assertions.assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.resolve("gateway-private.pem")))).isEqualTo("rw-------");
    }

    @Test
    void missingOrBadTokensAre401WithBearerChallenge() {
        problem(given().contentType(ContentType.JSON).body("{}").post("/generate").then(), 401)
                .header("WWW-Authenticate", containsString("Bearer"));
        problem(given().header("Authorization", "Bearer not.a.jwt").contentType(ContentType.JSON).body("{}")
                .post("/generate").then(), 401).header("WWW-Authenticate", containsString("Bearer"));
        problem(given().header("Authorization", "Basic dXNlcjpwYXNz").contentType(ContentType.JSON).body("{}")
                .post("/generate").then(), 401);
        // Right claims, wrong key.
        String forged = new TestJwts().token(LocalTokens.ISSUER, "mallory", "admin");
        problem(given().auth().oauth2(forged).contentType(ContentType.JSON).body("{}").post("/generate").then(), 401);
        // Right key, expired an hour ago.
        LocalTokens local = new LocalTokens(LocalKeyFiles.loadOrCreate(config.dataDir().resolve("keys")),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        String expired = local.issue("old-user", Tier.CREATOR, Duration.ofHours(1)).token();
        problem(given().auth().oauth2(expired).contentType(ContentType.JSON).body("{}").post("/generate").then(), 401)
                .body("detail", containsString("expired"));
        // Right key, issued ten minutes from now (beyond the 60 s allowance): refused like any bad token.
        LocalTokens ahead = new LocalTokens(LocalKeyFiles.loadOrCreate(config.dataDir().resolve("keys")),
                Clock.fixed(Instant.now().plus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        String future = ahead.issue("early-user", Tier.CREATOR, Duration.ofHours(1)).token();
        problem(given().auth().oauth2(future).contentType(ContentType.JSON).body("{}").post("/generate").then(), 401)
                .body("detail", containsString("future"));
        // Right key, still valid: accepted (the creator may ask for 100 s).
        LocalTokens fresh = new LocalTokens(LocalKeyFiles.loadOrCreate(config.dataDir().resolve("keys")),
                Clock.systemUTC());
        given().auth().oauth2(fresh.issue("creator-1", Tier.CREATOR, Duration.ofMinutes(5)).token())
                .contentType(ContentType.JSON).body("{\"duration\":100}").post("/generate").then().statusCode(202)
                .body("tier", equalTo("creator"));
    }

    @Test
    void promptRules() {
        problem(post("{\"prompt\":\"\"}"), 400).body("detail", containsString("at least 3"));
        problem(post("{\"prompt\":\"  ab  \"}"), 400).body("detail", containsString("at least 3"));
        problem(post("{\"prompt\":\"" + "a".repeat(2000) + "\"}"), 400).body("detail", containsString("at most 500"));
        problem(post("{\"prompt\":\"rain\\u0000drops\"}"), 400).body("detail", containsString("control characters"));
        problem(post("{\"prompt\":\"rain\\ndrops\"}"), 400).body("detail", containsString("control characters"));
        problem(post("{\"prompt\":42}"), 400).body("detail", containsString("string"));
    }

    @Test
    void blockedPromptsAreRefusedExceptForAdults() {
        problem(post("{\"prompt\":\"5h1t storm ambience\"}"), 400)
                .body("type", equalTo("urn:soundbox:problem:content-not-allowed"))
                .body("detail", containsString("prompt"))
                .body("error", containsString("prompt"));
        problem(post("{\"prompt\":\"crackling s h i t campfire\"}"), 400);
        // An admin is an adult account: the filter does not apply to prompts.
        given().auth().oauth2(io.soundbox.gateway.support.TestTokens.token("admin-adult", Tier.ADMIN))
                .contentType(ContentType.JSON).body("{\"prompt\":\"shit storm ambience\"}").post("/generate")
                .then().statusCode(202);
    }

    @Test
    void randomPromptFollowsTheModelAndSeed() {
        String first = given().contentType(ContentType.JSON).body("{\"model\":\"music\",\"seed\":5}")
                .post("/random-prompt").then().statusCode(200).body("model", equalTo("music"))
                .extract().jsonPath().getString("prompt");
        given().contentType(ContentType.JSON).body("{\"model\":\"music\",\"seed\":5}").post("/random-prompt")
                .then().statusCode(200).body("prompt", equalTo(first));
        given().contentType(ContentType.JSON).body("{\"model\":\"sfx\"}").post("/random-prompt")
                .then().statusCode(200).body("model", equalTo("audio")).body("prompt", notNullValue());
        given().post("/random-prompt").then().statusCode(200).body("model", equalTo("music"));
        given().contentType(ContentType.JSON).body("{\"model\":\"banjo\"}").post("/random-prompt")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:invalid-model"));
    }

    @Test
    void absentPromptGetsTheOriginalDefault() {
        post("{}").statusCode(202).body("success", equalTo(true));
    }

    @Test
    void modelRules() {
        problem(post("{\"model\":\"banjo\"}"), 400)
                .body("detail", containsString("music, audio, sfx, magnet, magnet-music, magnet-audio"))
                .body("detail", containsString("unknown model 'banjo'"))
                .body("valid_models", hasItems("music", "sfx", "magnet-audio"));
        post("{\"model\":\"magnet\"}").statusCode(202);
    }

    @Test
    void durationRules() {
        problem(post("{\"duration\":0}"), 400).body("detail", containsString("at least 1"));
        problem(post("{\"duration\":10000}"), 400).body("detail", containsString("at most 30"));
        problem(post("{\"duration\":31}"), 400).body("detail", containsString("free tier"))
                .body("max_duration", equalTo(30));
        problem(post("{\"duration\":\"long\"}"), 400).body("detail", containsString("not a string"))
                .body("field", equalTo("duration"));
        // A number in quotes is a string: refused, not coerced.
        problem(post("{\"duration\":\"10\"}"), 400).body("type", equalTo("urn:soundbox:problem:invalid-duration"))
                .body("field", equalTo("duration")).body("detail", containsString("JSON number"));
        post("{\"duration\":10.0}").statusCode(202);
        problem(post("{\"duration\":2.5}"), 400).body("detail", containsString("whole number"));
        post("{\"duration\":30}").statusCode(202);
    }

    @Test
    void malformedBodies() {
        problem(post("{\"prompt\": \"rain\""), 400).body("detail", containsString("not valid JSON"));
        problem(post("[1,2]"), 400).body("detail", containsString("JSON object"));
        problem(post("{\"loop\":\"yes\"}"), 400).body("detail", containsString("loop"));
        problem(given().auth().oauth2(token).contentType(ContentType.TEXT).body("prompt=rain").post("/generate")
                .then(), 415).body("detail", containsString("application/json"));
    }

    @Test
    void unknownPathsAndMethodsAreProblems() {
        given().get("/no/such/path").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("instance", equalTo("/no/such/path"));
        given().get("/job").then().statusCode(404).contentType("application/problem+json");
        given().get("/generate").then().statusCode(405).contentType("application/problem+json")
                .body("status", equalTo(405));
    }
}
