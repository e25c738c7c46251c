package io.soundbox.gateway.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.support.ValnetStubResource;
import io.soundbox.testsupport.HttpStub;
import io.soundbox.testsupport.TestJwts;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** jwt mode wired end to end: Valnet's JWKS served by a stub, tokens sent over HTTP. */
@QuarkusTest
@TestProfile(JwtModeTests.JwtMode.class)
class JwtModeTests {
    public static class JwtMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("soundbox.auth.mode", "jwt",
                    "soundbox.auth.jwt.issuer", ValnetKeys.ISSUER,
                    "soundbox.auth.jwt.audience", ValnetKeys.AUDIENCE,
                    "soundbox.auth.jwt.jwks-min-refetch-interval", "3s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ValnetStubResource.class));
        }
    }

    @Inject
    BearerAuthenticator auth;

    private static final ValnetKeys.SigningKey KEY = ValnetStubResource.KEY;

    private static void rejected(String token, String why) {
        given().auth().oauth2(token).get("/job/some-job").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body("detail", containsString(why));
    }

    @Test
    void aValnetTokenAuthenticatesWithItsTier() {
        String token = ValnetKeys.token(KEY, "valnet-user-1", "premium");
        given().auth().oauth2(token).get("/job/unknown").then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"prompt\":\"valnet tune\",\"duration\":100}")
                .post("/generate").then().statusCode(202).body("tier", equalTo("premium"))
                .body("limits.max_duration", equalTo(120));
    }

    @Test
    void hostileTokensAreRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + ValnetKeys.ISSUER + "\",\"aud\":\"soundbox\",\"sub\":\"x\",\"tier\":\"creator\","
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        rejected(header + "." + claims + ".", "algorithm");
        rejected(ValnetKeys.claims("mallory", "creator").jws().keyId(KEY.kid()).algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(KEY.pair().getPublic().getEncoded(), "HmacSHA256")), "algorithm");
        Instant past = Instant.now().minus(Duration.ofHours(3));
        rejected(ValnetKeys.token(KEY, "u", "free", c -> c.issuedAt(past).expiresAt(past.plusSeconds(60))), "expired");
        rejected(ValnetKeys.token(KEY, "u", "free", c -> c.issuer("https://evil.example")), "issued by someone else");
        rejected(ValnetKeys.token(KEY, "u", "free", c -> c.audience("other-app")), "another audience");
        rejected("garbage", "not a signed JWT");
        String[] parts = ValnetKeys.token(KEY, "u", "free").split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"free\"", "\"creator\""));
        rejected(parts[0] + "." + forged + "." + parts[2], "signature");
        // The gateway's own local tokens mean nothing in jwt mode.
        rejected(new TestJwts().token("soundbox-local", "u", "admin"), "signature");
    }

    @Test
    void rotatedKeysArePickedUpAndUnknownKeyIdsCannotFloodValnet() throws Exception {
        HttpStub valnet = ValnetStubResource.stub();
        ValnetKeys.SigningKey next = ValnetKeys.rsa("valnet-2030-02");
        // Signed in advance: key generation is slow, the burst must fit in the refetch interval.
        ValnetKeys.SigningKey stranger = ValnetKeys.rsa("stranger");
        List<String> madeUp = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            madeUp.add(ValnetKeys.token(new ValnetKeys.SigningKey("made-up-" + i, stranger.pair(),
                    SignatureAlgorithm.RS256), "u", "free"));
        }
        String rotated = ValnetKeys.token(next, "rotated-user", "creator");
        try {
            valnet.on("GET", ValnetStubResource.JWKS_PATH, HttpStub.Response.json(200, ValnetKeys.jwks(KEY, next)));
            Thread.sleep(3100); // past the minimum refetch interval of this profile
            given().auth().oauth2(rotated).get("/job/unknown").then().statusCode(404);

            long before = jwksFetches(valnet);
            long started = System.nanoTime();
            madeUp.forEach(t -> rejected(t, "does not publish"));
            // At most one fetch per 3 s interval, however many made-up key ids arrive (a slow
            // machine may stretch the burst over more than one interval).
            long intervals = 1 + (System.nanoTime() - started) / 3_000_000_000L;
            assertThat(jwksFetches(valnet) - before).isLessThanOrEqualTo(intervals).isLessThan(madeUp.size());
        } finally {
            valnet.on("GET", ValnetStubResource.JWKS_PATH, HttpStub.Response.json(200, ValnetKeys.jwks(KEY)));
        }
    }

    private static long jwksFetches(HttpStub valnet) {
        return valnet.received().stream().filter(r -> r.path().equals(ValnetStubResource.JWKS_PATH)).count();
    }

    @Test
    void guestTokensDoNotExistOutsideLocalMode() {
        given().post("/api/auth/guest").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theAdminCheckNeedsTheAdminRole() {
        String user = "Bearer " + ValnetKeys.token(KEY, "plain-user", "creator");
        assertThatThrownBy(() -> auth.requireAdmin(user)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> auth.requireAdmin(null)).isInstanceOfSatisfying(ApiProblem.class,
                p -> assertThat(p.status()).isEqualTo(401));
        Caller admin = auth.requireAdmin("Bearer " + ValnetKeys.token(KEY, "boss", "free",
                c -> c.groups(Set.of("admin"))));
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.tier()).isEqualTo(Tier.ADMIN);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
