package io.soundbox.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.io.IOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * jwt mode: Valnet-issued JWTs verified offline with smallrye-jwt. The algorithm is pinned before any
 * key is looked up (so {@code alg: none} and HMAC tokens signed with a public key never reach a
 * verifier), the key comes from {@link JwksKeys} by key id, and smallrye-jwt checks the signature,
 * issuer, audience and expiry.
 */
public final class ValnetJwtVerifier implements CallerResolver {
    /** The only algorithms this class can ever accept: asymmetric signatures. */
    private static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512");

    private final JwksKeys keys;
    private final ValnetUsers users;
    private final Set<String> algorithms;
    private final DefaultJWTParser parser;
    private final ObjectMapper json;
    private final FutureTokens future;

    public ValnetJwtVerifier(JwksKeys keys, ValnetUsers users, String issuer, Optional<Set<String>> audience,
                             Set<String> algorithms, Duration clockSkew, ObjectMapper json) {
        this(keys, users, issuer, audience, algorithms, clockSkew, json, Clock.systemUTC(), FutureTokens.DEFAULT_SKEW);
    }

    /** @param futureSkew how far ahead of {@code clock} a token's {@code iat} or {@code nbf} may be */
    public ValnetJwtVerifier(JwksKeys keys, ValnetUsers users, String issuer, Optional<Set<String>> audience,
                             Set<String> algorithms, Duration clockSkew, ObjectMapper json, Clock clock,
                             Duration futureSkew) {
        for (String a : algorithms) {
            if (!ASYMMETRIC.contains(a)) {
                throw new IllegalArgumentException("soundbox.auth.jwt.algorithms: " + a
                        + " is not accepted; use asymmetric algorithms only (" + String.join(", ", ASYMMETRIC) + ")");
            }
        }
        this.keys = keys;
        this.users = users;
        this.algorithms = Set.copyOf(algorithms);
        this.json = json;
        this.future = new FutureTokens(clock, futureSkew);
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(issuer);
        audience.ifPresent(info::setExpectedAudience);
        EnumSet<SignatureAlgorithm> pinned = EnumSet.noneOf(SignatureAlgorithm.class);
        algorithms.forEach(a -> pinned.add(SignatureAlgorithm.fromAlgorithm(a)));
        info.setSignatureAlgorithm(pinned);
        info.setClockSkew((int) clockSkew.toSeconds());
        info.setExpGracePeriodSecs(0);
        info.setRequiredClaims(Set.of("sub", "exp"));
        this.parser = new DefaultJWTParser(info);
    }

    @Override
    public Caller resolve(String token) throws InvalidTokenException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the token is not a signed JWT");
        }
        JsonNode header = decode(parts[0]);
        String alg = header.path("alg").asText("");
        if (!algorithms.contains(alg)) {
            throw new InvalidTokenException("the token's signature algorithm is not accepted (accepted: "
                    + String.join(", ", algorithms.stream().sorted().toList()) + ")");
        }
        String kid = header.hasNonNull("kid") ? header.get("kid").asText() : null;
        PublicKey key = keys.find(kid, alg)
                .orElseThrow(() -> new InvalidTokenException("the token is signed with a key Valnet does not publish"));
        JsonWebToken jwt;
        try {
            jwt = parser.verify(token, key);
        } catch (ParseException e) {
            throw new InvalidTokenException(TokenProblems.describe(e), e);
        }
        future.check(jwt);
        try {
            return users.caller(decode(jwt.getRawToken().split("\\.")[1]));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token names no user", e);
        }
    }

    private JsonNode decode(String part) throws InvalidTokenException {
        try {
            JsonNode node = json.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("the token is not a valid JWT");
            }
            return node;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidTokenException("the token is not a valid JWT", e);
        }
    }
}
