package io.soundbox.gateway.ratelimit;

import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The per-user checks of {@code POST /generate}, in the original's order: pending jobs first (429 with
 * {@code pending_count} and {@code max_pending}), then generations per hour (429 with
 * {@code Retry-After} and {@code X-RateLimit-*}). Admitting a job reserves both; {@link #cancel} gives
 * them back when the job could not be queued.
 */
@ApplicationScoped
public class GenerationLimits {
    /** What a client polling for a free slot should wait; jobs take seconds to minutes. */
    private static final String PENDING_RETRY_AFTER_SECONDS = "10";

    private final TierLimits tiers;
    private final RateLimitBuckets buckets;
    private final JobReadModel jobs;
    private final RateLimitHeaders headers;
    private final GenerationUsageRebuild usage;
    private final boolean enabled;
    private final Duration window;

    public GenerationLimits(TierLimits tiers, RateLimitBuckets buckets, JobReadModel jobs, RateLimitHeaders headers,
                            GenerationUsageRebuild usage, GatewayConfig config) {
        this.usage = usage;
        this.tiers = tiers;
        this.buckets = buckets;
        this.jobs = jobs;
        this.headers = headers;
        this.enabled = config.limits().enabled();
        this.window = config.limits().generationWindow();
    }

    /** A job let through: what to give back if it cannot be queued. */
    public record Admission(String userId, String jobId, boolean pendingReserved, Rate hourly) {
    }

    /** @throws ApiProblem 429 when the caller is over a limit; nothing is reserved then */
    public Admission admit(Caller caller, String jobId) {
        if (!enabled) {
            return new Admission(caller.userId(), jobId, false, null);
        }
        TierLimit limit = tiers.of(caller.tier());
        if (limit.perHour().isPresent() && !usage.done()) {
            // Just restarted: admitting before the last hour is counted would hand out a fresh hour.
            throw ApiProblem.unavailable("queue-unavailable", "generation queue unavailable, nothing was queued:"
                    + " the gateway is still reading the last hour's generations from it; try again shortly")
                    .withHeader("Retry-After", "5");
        }
        String tier = caller.tier().wireName();
        boolean reserved = false;
        OptionalInt maxPending = limit.maxPending();
        if (maxPending.isPresent()) {
            int blockedAt = jobs.tryReservePending(caller.userId(), jobId, maxPending.getAsInt());
            if (blockedAt >= 0) {
                throw new ApiProblem(429, "too-many-pending", "Too Many Requests", "you already have " + blockedAt
                        + " jobs waiting and the " + tier + " tier allows " + maxPending.getAsInt()
                        + " at a time; wait for one to finish")
                        .with("pending_count", blockedAt).with("max_pending", maxPending.getAsInt()).with("tier", tier)
                        .withHeader("Retry-After", PENDING_RETRY_AFTER_SECONDS);
            }
            reserved = true;
        }
        Rate hourly = null;
        if (limit.perHour().isPresent()) {
            hourly = new Rate(limit.perHour().getAsInt(), window);
            RateDecision d = buckets.tryTake(key(caller), hourly);
            if (!d.allowed()) {
                if (reserved) {
                    jobs.releasePending(caller.userId(), jobId);
                }
                ApiProblem p = new ApiProblem(429, "rate-limited", "Too Many Requests", "the " + tier + " tier allows "
                        + limit.perHour().getAsInt() + " generations per " + describe(window) + "; try again in "
                        + d.retryAfterSeconds() + " s")
                        .with("limit", d.limit()).with("retry_after", d.retryAfterSeconds()).with("tier", tier);
                d.headers().forEach(p::withHeader);
                throw p;
            }
            headers.report(d);
        }
        return new Admission(caller.userId(), jobId, reserved, hourly);
    }

    /** The admitted job was not queued: it costs neither a pending slot nor a generation. */
    public void cancel(Admission a) {
        if (a.pendingReserved()) {
            jobs.releasePending(a.userId(), a.jobId());
        }
        if (a.hourly() != null) {
            buckets.giveBack(key(a.userId()), a.hourly());
        }
    }

    private static String key(Caller caller) {
        return key(caller.userId());
    }

    /** The bucket key of a user's generations (also used by {@link GenerationUsageRebuild}). */
    static String key(String userId) {
        return "gen:" + userId;
    }

    private static String describe(Duration d) {
        if (d.equals(Duration.ofHours(1))) {
            return "hour";
        }
        return d.toMinutes() >= 1 ? d.toMinutes() + " minutes" : d.toSeconds() + " seconds";
    }
}
