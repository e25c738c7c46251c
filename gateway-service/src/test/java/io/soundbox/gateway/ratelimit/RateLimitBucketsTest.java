package io.soundbox.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitBucketsTest {
    /** A clock the test moves by hand. */
    static final class ManualTime implements TimeMeter {
        final AtomicLong nanos = new AtomicLong();

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }

    private final ManualTime time = new ManualTime();
    private final RateLimitBuckets buckets = new RateLimitBuckets(1000, Duration.ofHours(1), time);
    private final Rate threePerHour = new Rate(3, Duration.ofHours(1));

    @Test
    void aRestoredBucketHoldsWhatTheLostOneWouldHold() {
        Instant now = Instant.parse("2026-12-08T12:00:00Z");
        // 10, 5 and 1 minute ago: 20 minutes a token, so only 0.5 of one came back since: none to take.
        buckets.restore("spent", threePerHour, List.of(now.minusSeconds(600), now.minusSeconds(300),
                now.minusSeconds(60)), now);
        RateDecision refused = buckets.tryTake("spent", threePerHour);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 1200L);
        // All three 59 minutes ago: 2.95 tokens back, so two (the fraction is dropped), then refused.
        buckets.restore("early", threePerHour, List.of(now.minusSeconds(3540), now.minusSeconds(3540),
                now.minusSeconds(3540)), now);
        assertThat(buckets.tryTake("early", threePerHour).allowed()).isTrue();
        assertThat(buckets.tryTake("early", threePerHour).allowed()).isTrue();
        assertThat(buckets.tryTake("early", threePerHour).allowed()).isFalse();
        // More than the capacity (several replicas): a debt that takes longer to pay back.
        buckets.restore("debt", threePerHour, List.of(now, now, now, now, now, now), now);
        time.advance(Duration.ofMinutes(40));
        assertThat(buckets.tryTake("debt", threePerHour).allowed()).isFalse();
        time.advance(Duration.ofMinutes(41));
        assertThat(buckets.tryTake("debt", threePerHour).allowed()).isTrue();
    }

    @Test
    void allowsTheCapacityThenRefusesWithTheWaitUntilTheNextToken() {
        assertThat(buckets.tryTake("u", threePerHour)).isEqualTo(new RateDecision(true, 3, 2, 1200, 0));
        assertThat(buckets.tryTake("u", threePerHour).remaining()).isEqualTo(1);
        assertThat(buckets.tryTake("u", threePerHour).remaining()).isZero();
        RateDecision refused = buckets.tryTake("u", threePerHour);
        assertThat(refused.allowed()).isFalse();
        // One token comes back every 20 minutes (greedy refill of 3 per hour).
        assertThat(refused.retryAfterSeconds()).isEqualTo(1200);
        assertThat(refused.resetSeconds()).isEqualTo(3600);
        assertThat(refused.headers()).containsEntry("Retry-After", "1200").containsEntry("X-RateLimit-Limit", "3")
                .containsEntry("X-RateLimit-Remaining", "0").containsEntry("X-RateLimit-Reset", "3600");

        time.advance(Duration.ofMinutes(20));
        assertThat(buckets.tryTake("u", threePerHour).allowed()).isTrue();
        assertThat(buckets.tryTake("u", threePerHour).allowed()).isFalse();
    }

    @Test
    void keysAndRatesAreSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            buckets.tryTake("u", threePerHour);
        }
        assertThat(buckets.tryTake("u", threePerHour).allowed()).isFalse();
        assertThat(buckets.tryTake("v", threePerHour).allowed()).isTrue();
        // A changed limit (another tier) starts afresh.
        assertThat(buckets.tryTake("u", new Rate(60, Duration.ofHours(1))).allowed()).isTrue();
    }

    @Test
    void aTokenGivenBackCanBeUsedAgainButNeverExceedsTheCapacity() {
        for (int i = 0; i < 3; i++) {
            buckets.tryTake("u", threePerHour);
        }
        buckets.giveBack("u", threePerHour);
        assertThat(buckets.tryTake("u", threePerHour).allowed()).isTrue();
        assertThat(buckets.tryTake("u", threePerHour).allowed()).isFalse();

        buckets.giveBack("fresh", threePerHour);
        buckets.tryTake("fresh", threePerHour);
        buckets.giveBack("fresh", threePerHour);
        buckets.giveBack("fresh", threePerHour);
        assertThat(buckets.tryTake("fresh", threePerHour).remaining()).isEqualTo(2);
    }

    @Test
    void theNumberOfBucketsIsBounded() {
        RateLimitBuckets small = new RateLimitBuckets(10, Duration.ofHours(1), time);
        for (int i = 0; i < 500; i++) {
            small.tryTake("ip-" + i, threePerHour);
        }
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }
}
