package io.soundbox.gateway.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.soundbox.gateway.domain.Tier;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Issues and verifies the tokens of local mode: RS256 JWTs with {@code iss="soundbox-local"},
 * {@code sub} = {@code upn} = user id, {@code tier}, {@code groups=[tier]}, {@code iat}, {@code exp},
 * {@code jti}. The {@code ./soundbox token} script writes the same claims with the same key.
 */
public final class LocalTokens implements CallerResolver {
    public static final String ISSUER = "soundbox-local";
    /** Tolerated clock difference between this process and the token's signer. */
    private static final int CLOCK_SKEW_SECONDS = 30;

    private final KeyPair keys;
    private final Clock clock;
    private final DefaultJWTParser parser;
    private final FutureTokens future;

    public LocalTokens(KeyPair keys, Clock clock) {
        this(keys, clock, FutureTokens.DEFAULT_SKEW);
    }

    /** @param futureSkew how far ahead of {@code clock} a token's {@code iat} or {@code nbf} may be */
    public LocalTokens(KeyPair keys, Clock clock, Duration futureSkew) {
        this.keys = keys;
        this.clock = clock;
        this.future = new FutureTokens(clock, futureSkew);
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setClockSkew(CLOCK_SKEW_SECONDS);
        info.setExpGracePeriodSecs(0);
        info.setRequiredClaims(Set.of("sub", "exp", "iat", "tier"));
        this.parser = new DefaultJWTParser(info);
    }

    public record IssuedToken(String token, String userId, Tier tier, Instant expiresAt) {
    }

    public IssuedToken issue(String userId, Tier tier, Duration validFor) {
        Instant now = clock.instant();
        Instant exp = now.plus(validFor);
        String token = Jwt.claims()
                .issuer(ISSUER)
                .subject(userId)
                .upn(userId)
                .claim("tier", tier.wireName())
                .groups(Set.of(tier.wireName()))
                .issuedAt(now)
                .expiresAt(exp)
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(SignatureAlgorithm.RS256)
                .sign(keys.getPrivate());
        return new IssuedToken(token, userId, tier, exp);
    }

    @Override
    public Caller resolve(String bearerToken) throws InvalidTokenException {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(bearerToken);
        } catch (ParseException e) {
            // The cause holds jose4j's detail (expired, bad signature, ...); keep it out of responses.
            throw new InvalidTokenException(describe(e), e);
        }
        future.check(jwt);
        String user = jwt.getSubject() != null ? jwt.getSubject() : jwt.getName();
        if (user == null || user.isBlank()) {
            throw new InvalidTokenException("the token names no user");
        }
        Object tierClaim = jwt.getClaim("tier");
        Tier tier = Tier.parse(tierClaim == null ? null : tierClaim.toString())
                .orElseThrow(() -> new InvalidTokenException("the token carries no valid tier"));
        return new Caller(user, tier);
    }

    private static String describe(ParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = String.valueOf(t.getMessage());
            if (msg.contains("expired") || msg.contains("is on or after the Expiration Time")) {
                return "the token has expired";
            }
            if (name.contains("InvalidJwtSignature") || msg.contains("signature")) {
                return "the token's signature is not valid";
            }
        }
        return "the token is not a valid Sound Box token";
    }
}
