package io.soundbox.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.domain.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");

    /** A structurally valid JWT whose payload carries the given exp (the delegate decides validity). */
    private static String token(String sub, Instant exp) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(("{\"sub\":\"" + sub + "\",\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

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

    @Test
    void aVerifiedTokenIsVerifiedOnceUntilItsMaxAge() throws Exception {
        AtomicInteger verifications = new AtomicInteger();
        MutableClock clock = new MutableClock();
        CallerResolver cached = new VerifiedTokenCache(t -> {
            verifications.incrementAndGet();
            return new Caller("ann", Tier.PREMIUM);
        }, clock, Duration.ofSeconds(60), 100, new ObjectMapper());
        String t = token("ann", NOW.plusSeconds(3600));
        for (int i = 0; i < 5; i++) {
            assertThat(cached.resolve(t).userId()).isEqualTo("ann");
        }
        assertThat(verifications).hasValue(1);
        clock.now = NOW.plusSeconds(61);
        cached.resolve(t);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsNeverServedFromTheCache() throws Exception {
        MutableClock clock = new MutableClock();
        AtomicInteger verifications = new AtomicInteger();
        CallerResolver cached = new VerifiedTokenCache(t -> {
            if (verifications.incrementAndGet() > 1) {
                throw new InvalidTokenException("the token has expired");
            }
            return new Caller("bob", Tier.FREE);
        }, clock, Duration.ofSeconds(60), 100, new ObjectMapper());
        String t = token("bob", NOW.plusSeconds(10));
        cached.resolve(t);
        clock.now = NOW.plusSeconds(11);
        assertThatThrownBy(() -> cached.resolve(t)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void rejectionsAreNotCached() {
        AtomicInteger verifications = new AtomicInteger();
        CallerResolver cached = new VerifiedTokenCache(t -> {
            verifications.incrementAndGet();
            throw new InvalidTokenException("bad signature");
        }, new MutableClock(), Duration.ofSeconds(60), 100, new ObjectMapper());
        String t = token("eve", NOW.plusSeconds(3600));
        assertThatThrownBy(() -> cached.resolve(t)).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> cached.resolve(t)).isInstanceOf(InvalidTokenException.class);
        assertThat(verifications).hasValue(2);
    }
}
