package io.soundbox.internalauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.build.Jwt;
import io.soundbox.testsupport.TestJwts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalTokenVerifierTest {
    @TempDir
    Path dir;

    private final TestJwts gateway = new TestJwts();

    @Test
    void acceptsTheGatewaysTokensAndReadsUserTierAndAdmin() {
        InternalTokenVerifier verifier = verifier(gateway);
        assertThat(verifier.verify(token(gateway, "soundbox-gateway", "soundbox-internal", "alice",
                Set.of("premium"), 60))).isEqualTo(new InternalIdentity("alice", "premium", false, Set.of("premium")));
        InternalIdentity admin = verifier.verify(token(gateway, "soundbox-gateway", "soundbox-internal", "root",
                Set.of("creator", "admin"), 60));
        assertThat(admin).isEqualTo(new InternalIdentity("root", "admin", true, Set.of("creator", "admin")));
    }

    @Test
    void readsTheBearerTokenOfAHeader() {
        assertThat(InternalTokenVerifier.bearerToken(null)).isEmpty();
        assertThat(InternalTokenVerifier.bearerToken("  ")).isEmpty();
        assertThat(InternalTokenVerifier.bearerToken("bearer  abc ")).contains("abc");
        assertThatThrownBy(() -> InternalTokenVerifier.bearerToken("Basic dXNlcjpwYXNz"))
                .isInstanceOf(InvalidInternalTokenException.class);
        assertThatThrownBy(() -> InternalTokenVerifier.bearerToken("Bearer "))
                .isInstanceOf(InvalidInternalTokenException.class);
    }

    @Test
    void refusesWrongIssuerAudienceSignerExpiryAndGarbage() {
        InternalTokenVerifier verifier = verifier(gateway);
        assertThatThrownBy(() -> verifier.verify(token(gateway, "soundbox-local", "soundbox-internal",
                "a", Set.of("free"), 60))).isInstanceOf(InvalidInternalTokenException.class);
        assertThatThrownBy(() -> verifier.verify(token(gateway, "soundbox-gateway", "someone-else",
                "a", Set.of("free"), 60))).isInstanceOf(InvalidInternalTokenException.class);
        assertThatThrownBy(() -> verifier.verify(token(new TestJwts(), "soundbox-gateway",
                "soundbox-internal", "a", Set.of("free"), 60))).isInstanceOf(InvalidInternalTokenException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> verifier.verify(token(gateway, "soundbox-gateway", "soundbox-internal",
                "a", Set.of("free"), -120))).isInstanceOf(InvalidInternalTokenException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier.verify("not.a.jwt")).isInstanceOf(InvalidInternalTokenException.class);
    }

    @Test
    void aMissingKeyIsRefusedAndAKeyThatAppearsOrChangesIsPickedUp() throws Exception {
        Path key = dir.resolve("keys").resolve("gateway-public.pem");
        InternalTokenVerifier verifier = new InternalTokenVerifier(key, "soundbox-gateway", "soundbox-internal");
        String token = token(gateway, "soundbox-gateway", "soundbox-internal", "a", Set.of("free"), 60);
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidInternalTokenException.class)
                .hasMessageContaining("not set up");

        Files.createDirectories(key.getParent());
        Files.writeString(key, TestJwts.pem("PUBLIC KEY", gateway.publicKey().getEncoded()));
        assertThat(verifier.verify(token).userId()).isEqualTo("a");

        TestJwts rotated = new TestJwts();
        Files.writeString(key, TestJwts.pem("PUBLIC KEY", rotated.publicKey().getEncoded()));
        Files.setLastModifiedTime(key, FileTime.from(Instant.now().plusSeconds(5)));
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidInternalTokenException.class);
        assertThat(verifier.verify(token(rotated, "soundbox-gateway", "soundbox-internal", "b",
                Set.of("free"), 60)).userId()).isEqualTo("b");
    }

    private InternalTokenVerifier verifier(TestJwts keys) {
        keys.writePem(dir);
        return new InternalTokenVerifier(dir.resolve("public.pem"), "soundbox-gateway", "soundbox-internal");
    }

    static String token(TestJwts keys, String issuer, String audience, String user, Set<String> groups, long validSeconds) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).audience(audience).subject(user).claim("tier", groups.iterator().next())
                .groups(groups).issuedAt(now.minusSeconds(validSeconds < 0 ? 600 : 0))
                .expiresAt(now.plusSeconds(validSeconds)).claim("jti", java.util.UUID.randomUUID().toString())
                .sign(keys.privateKey());
    }
}
