package io.soundbox.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.soundbox.gateway.auth.ValnetKeys.SigningKey;
import io.soundbox.gateway.domain.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** jwt mode against hostile tokens, without Quarkus: an in-memory JWKS plays Valnet. */
class ValnetJwtVerifierTest {
    private static final SigningKey RSA = ValnetKeys.rsa("rsa-1");
    private static final SigningKey EC = ValnetKeys.ec("ec-1");
    private static final SigningKey STRANGER = ValnetKeys.rsa("rsa-1");

    /** Valnet's key set as the test sets it, counting fetches. */
    static final class FakeJwks implements JwksClient {
        final AtomicReference<String> document = new AtomicReference<>();
        final AtomicInteger fetches = new AtomicInteger();
        volatile boolean down;

        @Override
        public String fetch() {
            fetches.incrementAndGet();
            if (down) {
                throw new AuthUnavailableException("JWKS down");
            }
            return document.get();
        }
    }

    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final FakeJwks jwks = new FakeJwks();
    private final MovableClock clock = new MovableClock();
    private final ValnetJwtVerifier verifier;

    ValnetJwtVerifierTest() {
        jwks.document.set(ValnetKeys.jwks(RSA, EC));
        JwksKeys keys = new JwksKeys(jwks, clock, Duration.ofMinutes(10), Duration.ofSeconds(30));
        verifier = new ValnetJwtVerifier(keys, new ValnetUsers("admin", "tier"), ValnetKeys.ISSUER,
                Optional.of(Set.of(ValnetKeys.AUDIENCE)), Set.of("RS256", "ES256"), Duration.ofSeconds(30),
                new ObjectMapper());
    }

    @Test
    void acceptsRs256AndEs256TokensFromValnet() throws Exception {
        assertThat(verifier.resolve(ValnetKeys.token(RSA, "u-1", "premium"))).isEqualTo(new Caller("u-1", Tier.PREMIUM, false));
        assertThat(verifier.resolve(ValnetKeys.token(EC, "u-2", "ai-graphling"))).isEqualTo(new Caller("u-2", Tier.CREATOR, false));
        assertThat(verifier.resolve(ValnetKeys.token(RSA, "boss", "free", c -> c.groups(Set.of("admin")))).isAdmin()).isTrue();
        assertThat(jwks.fetches).hasValue(1);
    }

    @Test
    void rejectsAlgNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"iss\":\"" + ValnetKeys.ISSUER + "\",\"sub\":\"x\",\"aud\":\"soundbox\",\"tier\":\"creator\","
                + "\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        assertRejected(header + "." + payload + ".", "algorithm");
        assertRejected(header + "." + payload, "not a signed JWT");
    }

    @Test
    void rejectsHs256SignedWithThePublicKey() {
        // The classic confusion attack: HMAC keyed with the RSA public key's bytes.
        String forged = ValnetKeys.claims("mallory", "creator").jws().keyId("rsa-1").algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(RSA.pair().getPublic().getEncoded(), "HmacSHA256"));
        assertRejected(forged, "algorithm");
    }

    @Test
    void rejectsTokensIssuedOrValidOnlyInTheFuture() throws Exception {
        Instant now = Instant.now();
        JwksKeys keys = new JwksKeys(jwks, clock, Duration.ofMinutes(10), Duration.ofSeconds(30));
        // The gateway's clock 5 minutes behind Valnet's (the system clock, which smallrye-jwt's exp check uses).
        ValnetJwtVerifier behind = new ValnetJwtVerifier(keys, new ValnetUsers("admin", "tier"), ValnetKeys.ISSUER,
                Optional.of(Set.of(ValnetKeys.AUDIENCE)), Set.of("RS256", "ES256"), Duration.ofSeconds(30),
                new ObjectMapper(), Clock.fixed(now.minus(Duration.ofMinutes(5)), ZoneOffset.UTC), Duration.ofSeconds(60));
        assertThatThrownBy(() -> behind.resolve(ValnetKeys.token(RSA, "u", "free", c -> c.issuedAt(now))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("issued in the future");
        assertThatThrownBy(() -> behind.resolve(ValnetKeys.token(RSA, "u", "free",
                c -> c.issuedAt(now.minus(Duration.ofMinutes(6))).claim("nbf", now.getEpochSecond()))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("not valid yet");
        // 30 s ahead is within the 60 s allowance.
        assertThat(behind.resolve(ValnetKeys.token(RSA, "u", "free",
                c -> c.issuedAt(now.minus(Duration.ofMinutes(5)).plusSeconds(30))))).isEqualTo(new Caller("u", Tier.FREE, false));
    }

    @Test
    void rejectsExpiredTokens() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertRejected(ValnetKeys.token(RSA, "u", "free", c -> c.issuedAt(past).expiresAt(past.plusSeconds(60))), "expired");
    }

    @Test
    void rejectsWrongIssuerAndAudience() {
        assertRejected(ValnetKeys.token(RSA, "u", "free", c -> c.issuer("https://evil.example")), "issued by someone else");
        assertRejected(ValnetKeys.token(RSA, "u", "free", c -> c.audience("another-app")), "another audience");
    }

    @Test
    void rejectsGarbage() {
        for (String garbage : new String[] {"abc", "a.b.c", "....", "eyJhbGciOiJSUzI1NiJ9.e30", "%%%.%%%.%%%",
                b64("[]") + "." + b64("{}") + ".sig"}) {
            assertThatThrownBy(() -> verifier.resolve(garbage)).as(garbage).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = ValnetKeys.token(RSA, "u-1", "free").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"free\"", "\"creator\"");
        assertRejected(parts[0] + "." + b64(payload) + "." + parts[2], "signature");
    }

    @Test
    void rejectsAKeyValnetDoesNotPublish() {
        // Same key id as Valnet's, different key: the signature check fails.
        assertRejected(ValnetKeys.token(STRANGER, "u", "free"), "signature");
        // A key id Valnet never published.
        assertRejected(ValnetKeys.token(ValnetKeys.rsa("nobody"), "u", "free"), "key Valnet does not publish");
    }

    @Test
    void aKeyIdOfTheWrongTypeIsNotUsed() {
        // An RS256 token claiming the EC key's id.
        SigningKey wrong = new SigningKey("ec-1", RSA.pair(), SignatureAlgorithm.RS256);
        assertRejected(ValnetKeys.token(wrong, "u", "free"), "key Valnet does not publish");
    }

    @Test
    void picksUpRotatedKeysButRefetchesAtMostOncePerInterval() throws Exception {
        verifier.resolve(ValnetKeys.token(RSA, "u", "free"));
        assertThat(jwks.fetches).hasValue(1);

        SigningKey next = ValnetKeys.rsa("rsa-2");
        jwks.document.set(ValnetKeys.jwks(RSA, next));
        // The first unknown kid triggers a fetch right away and the new key works.
        assertThat(verifier.resolve(ValnetKeys.token(next, "u", "creator")).tier()).isEqualTo(Tier.CREATOR);
        assertThat(jwks.fetches).hasValue(2);

        // Made-up key ids within the interval cost no fetch.
        for (int i = 0; i < 20; i++) {
            String kid = "made-up-" + i;
            assertRejected(ValnetKeys.token(ValnetKeys.rsa(kid), "u", "free"), "does not publish");
        }
        assertThat(jwks.fetches).hasValue(2);

        clock.now = clock.now.plusSeconds(31);
        assertRejected(ValnetKeys.token(ValnetKeys.rsa("made-up-again"), "u", "free"), "does not publish");
        assertThat(jwks.fetches).hasValue(3);
    }

    @Test
    void keepsKnownKeysWhenValnetIsDownAndFailsClosedWithoutAny() throws Exception {
        verifier.resolve(ValnetKeys.token(RSA, "u", "free"));
        jwks.down = true;
        clock.now = clock.now.plus(Duration.ofMinutes(11)); // the set is due for a refresh, which fails
        assertThat(verifier.resolve(ValnetKeys.token(RSA, "u", "free")).userId()).isEqualTo("u");

        FakeJwks empty = new FakeJwks();
        empty.down = true;
        ValnetJwtVerifier cold = new ValnetJwtVerifier(new JwksKeys(empty, clock, Duration.ofMinutes(10),
                Duration.ofSeconds(30)), new ValnetUsers("admin", "tier"), ValnetKeys.ISSUER, Optional.empty(),
                Set.of("RS256"), Duration.ofSeconds(30), new ObjectMapper());
        assertThatThrownBy(() -> cold.resolve(ValnetKeys.token(RSA, "u", "free")))
                .isInstanceOf(AuthUnavailableException.class);
    }

    @Test
    void symmetricAlgorithmsCannotBeConfigured() {
        assertThatThrownBy(() -> new ValnetJwtVerifier(new JwksKeys(jwks, clock, Duration.ofMinutes(1), Duration.ZERO),
                new ValnetUsers("admin", "tier"), ValnetKeys.ISSUER, Optional.empty(), Set.of("RS256", "HS256"),
                Duration.ZERO, new ObjectMapper())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256");
    }

    @Test
    void aTokenWithoutSubjectIsRejected() {
        Instant now = Instant.now();
        String noSub = Jwt.issuer(ValnetKeys.ISSUER).audience(ValnetKeys.AUDIENCE).claim("tier", "free").issuedAt(now)
                .expiresAt(now.plusSeconds(600)).jws().keyId("rsa-1").algorithm(SignatureAlgorithm.RS256)
                .sign(RSA.pair().getPrivate());
        assertThatThrownBy(() -> verifier.resolve(noSub)).isInstanceOf(InvalidTokenException.class);
    }

    private void assertRejected(String token, String why) {
        assertThatThrownBy(() -> verifier.resolve(token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining(why);
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
