package io.soundbox.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.build.Jwt;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.testsupport.TestJwts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokensTest {
    @TempDir
    Path dir;

    @Test
    void keyFilesAreCreatedOnceAndReused() throws Exception {
        Path keys = dir.resolve("keys");
        KeyPair first = LocalKeyFiles.loadOrCreate(keys);
        Path priv = keys.resolve("gateway-private.pem");
        Path pub = keys.resolve("gateway-public.pem");
        assertThat(Files.readString(priv)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");

        KeyPair second = LocalKeyFiles.loadOrCreate(keys);
        assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(second.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());

        // A lost public key is derived again from the private one.
        Files.delete(pub);
        assertThat(LocalKeyFiles.loadOrCreate(keys).getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(Pem.decodePublic(Files.readString(pub)).getEncoded()).isEqualTo(first.getPublic().getEncoded());
        try (var files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "gateway-private.pem", "gateway-public.pem");
        }
    }

    @Test
    void corruptPrivateKeyFailsClearly() throws Exception {
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Files.writeString(keys.resolve("gateway-private.pem"), "not a key");
        assertThatThrownBy(() -> LocalKeyFiles.loadOrCreate(keys)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway-private.pem");
    }

    @Test
    void issuedTokensHaveTheDocumentedClaimsAndVerify() throws Exception {
        LocalTokens tokens = new LocalTokens(LocalKeyFiles.loadOrCreate(dir), Clock.systemUTC());
        LocalTokens.IssuedToken t = tokens.issue("alice", Tier.PREMIUM, Duration.ofHours(1));
        String[] parts = t.token().split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"RS256\"");
        assertThat(claims).contains("\"iss\":\"soundbox-local\"", "\"sub\":\"alice\"", "\"upn\":\"alice\"",
                "\"tier\":\"premium\"", "\"groups\":[\"premium\"]", "\"iat\":", "\"exp\":", "\"jti\":");
        assertThat(tokens.resolve(t.token())).isEqualTo(new Caller("alice", Tier.PREMIUM));
    }

    @Test
    void tokensFromTheTokenScriptShapeVerify() throws Exception {
        // What ./soundbox token produces: the same claims signed with the same private key file.
        KeyPair keys = LocalKeyFiles.loadOrCreate(dir);
        var priv = Pem.decodePrivate(Files.readString(dir.resolve("gateway-private.pem")));
        Instant now = Instant.now();
        String token = Jwt.issuer("soundbox-local").subject("ops").upn("ops").claim("tier", "admin")
                .groups("admin").issuedAt(now).expiresAt(now.plusSeconds(60)).claim("jti", "1").sign(priv);
        assertThat(new LocalTokens(keys, Clock.systemUTC()).resolve(token)).isEqualTo(new Caller("ops", Tier.ADMIN));
    }

    @Test
    void rejectsExpiredForeignAndMalformedTokens() {
        KeyPair keys = LocalKeyFiles.loadOrCreate(dir);
        LocalTokens tokens = new LocalTokens(keys, Clock.systemUTC());
        LocalTokens past = new LocalTokens(keys, Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC));
        String expired = past.issue("bob", Tier.FREE, Duration.ofHours(1)).token();
        assertThatThrownBy(() -> tokens.resolve(expired)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("expired");

        TestJwts other = new TestJwts();
        assertThatThrownBy(() -> tokens.resolve(other.token("soundbox-local", "eve", "admin")))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.resolve("garbage")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> tokens.resolve("a.b.c")).isInstanceOf(InvalidTokenException.class);

        Instant now = Instant.now();
        String wrongIssuer = Jwt.issuer("someone-else").subject("bob").claim("tier", "free")
                .issuedAt(now).expiresAt(now.plusSeconds(60)).sign(keys.getPrivate());
        assertThatThrownBy(() -> tokens.resolve(wrongIssuer)).isInstanceOf(InvalidTokenException.class);
        String noTier = Jwt.issuer("soundbox-local").subject("bob").issuedAt(now).expiresAt(now.plusSeconds(60))
                .sign(keys.getPrivate());
        assertThatThrownBy(() -> tokens.resolve(noTier)).isInstanceOf(InvalidTokenException.class);
        String badTier = Jwt.issuer("soundbox-local").subject("bob").claim("tier", "gold").issuedAt(now)
                .expiresAt(now.plusSeconds(60)).sign(keys.getPrivate());
        assertThatThrownBy(() -> tokens.resolve(badTier)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("tier");
        // An unsigned token ("alg":"none") must never pass.
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"iss\":\"soundbox-local\",\"sub\":\"x\",\"tier\":\"admin\",\"exp\":"
                        + (now.getEpochSecond() + 60) + ",\"iat\":" + now.getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8)) + ".";
        assertThatThrownBy(() -> tokens.resolve(unsigned)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void refusesTokensIssuedOrValidOnlyInTheFutureBeyondTheSkew() throws Exception {
        KeyPair keys = LocalKeyFiles.loadOrCreate(dir);
        Instant now = Instant.now();
        // The verifier's clock runs 5 minutes behind the signer's (the system clock, so smallrye-jwt's own
        // exp/nbf checks pass): only the future-token check can refuse these.
        LocalTokens behind = new LocalTokens(keys, Clock.fixed(now.minus(Duration.ofMinutes(5)), ZoneOffset.UTC),
                Duration.ofSeconds(60));
        String issuedNow = new LocalTokens(keys, Clock.systemUTC()).issue("carol", Tier.FREE, Duration.ofHours(1)).token();
        assertThatThrownBy(() -> behind.resolve(issuedNow)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("issued in the future");

        String notYet = Jwt.issuer(LocalTokens.ISSUER).subject("dan").upn("dan").claim("tier", "free")
                .issuedAt(now.minus(Duration.ofMinutes(5))).claim("nbf", now.getEpochSecond())
                .expiresAt(now.plus(Duration.ofHours(1))).sign(keys.getPrivate());
        assertThatThrownBy(() -> behind.resolve(notYet)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not valid yet");

        // Within the skew (30 s ahead of a 60 s allowance) the same token is fine; with no allowance it is not.
        Clock thirtySecondsBehind = Clock.fixed(now.minusSeconds(30), ZoneOffset.UTC);
        assertThat(new LocalTokens(keys, thirtySecondsBehind, Duration.ofSeconds(60)).resolve(issuedNow))
                .isEqualTo(new Caller("carol", Tier.FREE));
        assertThatThrownBy(() -> new LocalTokens(keys, thirtySecondsBehind, Duration.ZERO).resolve(issuedNow))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("issued in the future");
    }
}
