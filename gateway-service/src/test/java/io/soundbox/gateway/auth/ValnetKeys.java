package io.soundbox.gateway.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

/** Plays Valnet's signing side in tests: key pairs with ids, their JWKS document, and signed tokens. */
public final class ValnetKeys {
    public static final String ISSUER = "https://valnet.example.test";
    public static final String AUDIENCE = "soundbox";

    public record SigningKey(String kid, KeyPair pair, SignatureAlgorithm alg) {
    }

    private ValnetKeys() {
    }

    public static SigningKey rsa(String kid) {
        return generate(kid, "RSA", SignatureAlgorithm.RS256);
    }

    public static SigningKey ec(String kid) {
        return generate(kid, "EC", SignatureAlgorithm.ES256);
    }

    private static SigningKey generate(String kid, String type, SignatureAlgorithm alg) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(type);
            if (type.equals("EC")) {
                g.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                g.initialize(2048);
            }
            return new SigningKey(kid, g.generateKeyPair(), alg);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWKS document publishing the public halves. */
    public static String jwks(SigningKey... keys) {
        try {
            List<org.jose4j.jwk.JsonWebKey> jwks = new ArrayList<>();
            for (SigningKey k : keys) {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(k.pair().getPublic());
                jwk.setKeyId(k.kid());
                jwk.setUse("sig");
                jwks.add(jwk);
            }
            return new JsonWebKeySet(jwks).toJson();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valnet's usual claims for a user; {@code tweak} changes them before signing. */
    public static JwtClaimsBuilder claims(String user, String tier) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(user).audience(AUDIENCE).claim("tier", tier).issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)));
    }

    public static String token(SigningKey key, String user, String tier) {
        return token(key, user, tier, c -> c);
    }

    public static String token(SigningKey key, String user, String tier, UnaryOperator<JwtClaimsBuilder> tweak) {
        return tweak.apply(claims(user, tier)).jws().keyId(key.kid()).algorithm(key.alg()).sign(key.pair().getPrivate());
    }
}
