package io.soundbox.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/** Mints RS256 test tokens and writes the matching keys as PEM files a service can be configured with. */
public final class TestJwts {
    private final KeyPair keys;

    public TestJwts() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            this.keys = g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** Writes {@code private.pem} (PKCS#8) and {@code public.pem} (X.509) into the directory. */
    public void writePem(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    public String token(String issuer, String user, String tier) {
        return token(issuer, user, tier, Duration.ofHours(1));
    }

    public String token(String issuer, String user, String tier, Duration validFor) {
        Instant now = Instant.now();
        return Jwt.issuer(issuer).upn(user).subject(user).claim("tier", tier)
                .groups(Set.of(tier)).issuedAt(now).expiresAt(now.plus(validFor))
                .sign(keys.getPrivate());
    }
}
