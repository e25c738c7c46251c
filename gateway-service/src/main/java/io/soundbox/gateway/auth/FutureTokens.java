package io.soundbox.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token issued ({@code iat}) or valid ({@code nbf}) later than now plus a small skew: a
 * signer with a clock far ahead, or a token minted to outlive a key rotation, is not a valid token
 * yet. smallrye-jwt checks {@code exp} (and {@code nbf} against the system clock) but never a future
 * {@code iat}; this check uses the injected clock, so tests can move time.
 */
final class FutureTokens {
    /** The default tolerated lead of a signer's clock over ours. */
    static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    private final Clock clock;
    private final Duration skew;

    FutureTokens(Clock clock, Duration skew) {
        if (skew.isNegative()) {
            throw new IllegalArgumentException("the future-token skew must not be negative: " + skew);
        }
        this.clock = clock;
        this.skew = skew;
    }

    void check(JsonWebToken jwt) throws InvalidTokenException {
        Instant latest = clock.instant().plus(skew);
        if (after(jwt.getClaim("iat"), latest)) {
            throw new InvalidTokenException("the token is issued in the future");
        }
        if (after(jwt.getClaim("nbf"), latest)) {
            throw new InvalidTokenException("the token is not valid yet");
        }
    }

    private static boolean after(Object claim, Instant latest) throws InvalidTokenException {
        if (claim == null) {
            return false;
        }
        long seconds;
        if (claim instanceof Number n) {
            seconds = n.longValue();
        } else if (claim instanceof jakarta.json.JsonNumber n) {
            seconds = n.longValue();
        } else {
            try {
                seconds = Long.parseLong(claim.toString());
            } catch (NumberFormatException e) {
                throw new InvalidTokenException("the token's time claims are not numbers", e);
            }
        }
        return seconds > latest.getEpochSecond();
    }
}
