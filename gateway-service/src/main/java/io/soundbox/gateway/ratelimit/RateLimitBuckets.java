package io.soundbox.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-memory Bucket4j token buckets by key (a user, a client address), held in a bounded Caffeine
 * cache: at most {@code maxKeys}, and a bucket idle for longer than its window is dropped (it would be
 * full again anyway). Evicting a busy bucket early only forgives its debt, never blocks anybody.
 *
 * <p>Thread-safe and non-blocking (Bucket4j's lock-free local buckets), so it may run on Vert.x event
 * loops. One gateway replica enforces its own share only; see the report/docs for a distributed
 * backend (Bucket4j's {@code ProxyManager} over Redis/JDBC) when several replicas run.
 */
public final class RateLimitBuckets {
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    public RateLimitBuckets(long maxKeys, Duration longestWindow, TimeMeter time) {
        this.time = time;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(longestWindow.toNanos(), TimeUnit.NANOSECONDS)
                .build();
    }

    public RateLimitBuckets(long maxKeys, Duration longestWindow) {
        this(maxKeys, longestWindow, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes one token from the bucket of {@code key} for {@code rate}. */
    public RateDecision tryTake(String key, Rate rate) {
        ConsumptionProbe p = bucket(key, rate).tryConsumeAndReturnRemaining(1);
        return new RateDecision(p.isConsumed(), rate.capacity(), p.getRemainingTokens(), seconds(p.getNanosToWaitForReset()),
                p.isConsumed() ? 0 : seconds(p.getNanosToWaitForRefill()));
    }

    /** Gives a token back (the request it paid for did not happen); never above the capacity. */
    public void giveBack(String key, Rate rate) {
        Bucket b = buckets.getIfPresent(bucketKey(key, rate));
        if (b != null) {
            b.addTokens(1);
        }
    }

    /**
     * Sets the bucket of {@code key} to what it would hold now had it paid one token at each of
     * {@code takenAt} (oldest first), as after a restart. Greedy refill is replayed exactly; the
     * fraction of a token refilled since is dropped, so a restored bucket is at most one token
     * stricter than the lost one, never more lenient.
     */
    public void restore(String key, Rate rate, List<Instant> takenAt, Instant now) {
        double perNano = (double) rate.capacity() / rate.window().toNanos();
        double tokens = rate.capacity();
        Instant last = null;
        for (Instant t : takenAt) {
            if (last != null) {
                tokens = Math.min(rate.capacity(), tokens + Duration.between(last, t).toNanos() * perNano);
            }
            tokens -= 1;
            last = t;
        }
        if (last != null) {
            tokens = Math.min(rate.capacity(), tokens + Math.max(0, Duration.between(last, now).toNanos()) * perNano);
        }
        long debt = rate.capacity() - (long) Math.floor(tokens);
        Bucket b = newBucket(rate);
        if (debt > 0) {
            b.consumeIgnoringRateLimits(debt);
        }
        buckets.put(bucketKey(key, rate), b);
    }

    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key, Rate rate) {
        // The rate is part of the key: a changed tier or configuration starts a fresh bucket.
        return buckets.get(bucketKey(key, rate), k -> newBucket(rate));
    }

    private Bucket newBucket(Rate rate) {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.window())
                        .build())
                .build();
    }

    private static String bucketKey(String key, Rate rate) {
        return key + '|' + rate.capacity() + '/' + rate.window().toMillis();
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
