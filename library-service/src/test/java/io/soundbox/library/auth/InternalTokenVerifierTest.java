package io.soundbox.library.auth;

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
        CallerResolver resolver = resolver(gateway);
        assertThat(resolver.resolve("Bearer " + token(gateway, "soundbox-gateway", "soundbox-internal", "alice",
                Set.of("premium"), 60))).isEqualTo(Caller.user("alice", "premium"));
        Caller admin = resolver.resolve("bearer " + token(gateway, "soundbox-gateway", "soundbox-internal", "root",
                Set.of("creator", "admin"), 60));
        assertThat(admin.admin()).isTrue();
        assertThat(admin.userId()).isEqualTo("root");
        assertThat(resolver.resolve(null)).isEqualTo(Caller.anonymous());
        assertThat(resolver.resolve("  ")).isEqualTo(Caller.anonymous());
    }

    @Test
    void refusesWrongIssuerAudienceSignerExpiryAndGarbage() {
        CallerResolver resolver = resolver(gateway);
        assertThatThrownBy(() -> resolver.resolve("Bearer " + token(gateway, "soundbox-local", "soundbox-internal",
                "a", Set.of("free"), 60))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> resolver.resolve("Bearer " + token(gateway, "soundbox-gateway", "someone-else",
                "a", Set.of("free"), 60))).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> resolver.resolve("Bearer " + token(new TestJwts(), "soundbox-gateway",
                "soundbox-internal", "a", Set.of("free"), 60))).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> resolver.resolve("Bearer " + token(gateway, "soundbox-gateway", "soundbox-internal",
                "a", Set.of("free"), -120))).isInstanceOf(InvalidTokenException.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> resolver.resolve("Bearer not.a.jwt")).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> resolver.resolve("Basic dXNlcjpwYXNz")).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aMissingKeyIsRefusedAndAKeyThatAppearsOrChangesIsPickedUp() throws Exception {
        Path key = dir.resolve("keys").resolve("gateway-public.pem");
        CallerResolver resolver = new CallerResolver(new InternalTokenVerifier(key, "soundbox-gateway", "soundbox-internal"));
        String token = token(gateway, "soundbox-gateway", "soundbox-internal", "a", Set.of("free"), 60);
        assertThatThrownBy(() -> resolver.resolve("Bearer " + token)).isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not set up");

        Files.createDirectories(key.getParent());
        Files.writeString(key, TestJwts.pem("PUBLIC KEY", gateway.publicKey().getEncoded()));
        assertThat(resolver.resolve("Bearer " + token).userId()).isEqualTo("a");

        TestJwts rotated = new TestJwts();
        Files.writeString(key, TestJwts.pem("PUBLIC KEY", rotated.publicKey().getEncoded()));
        Files.setLastModifiedTime(key, FileTime.from(Instant.now().plusSeconds(5)));
        assertThatThrownBy(() -> resolver.resolve("Bearer " + token)).isInstanceOf(InvalidTokenException.class);
        assertThat(resolver.resolve("Bearer " + token(rotated, "soundbox-gateway", "soundbox-internal", "b",
                Set.of("free"), 60)).userId()).isEqualTo("b");
    }

    private CallerResolver resolver(TestJwts keys) {
        keys.writePem(dir);
        return new CallerResolver(new InternalTokenVerifier(dir.resolve("public.pem"), "soundbox-gateway",
                "soundbox-internal"));
    }

    static String token(TestJwts keys, String issuer, String audience, String user, Set<String> groups, long validSeconds) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).audience(audience).subject(user).claim("tier", groups.iterator().next())
                .groups(groups).issuedAt(now.minusSeconds(validSeconds < 0 ? 600 : 0))
                .expiresAt(now.plusSeconds(validSeconds)).claim("jti", java.util.UUID.randomUUID().toString())
                .sign(keys.privateKey());
    }
}
