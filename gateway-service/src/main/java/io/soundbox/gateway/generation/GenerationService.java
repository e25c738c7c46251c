package io.soundbox.gateway.generation;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobStatus;
import io.soundbox.events.SchemaVersion;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.messaging.GenerationRequestPublisher;
import io.soundbox.gateway.ratelimit.GenerationLimits;
import io.soundbox.gateway.ratelimit.TierLimit;
import io.soundbox.gateway.ratelimit.TierLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Queues a validated generation order: check the caller's limits (pending jobs, generations per
 * hour), publish, wait for the broker, record the job as queued. A job that could not be queued costs
 * the caller nothing.
 */
@ApplicationScoped
public class GenerationService {
    private final GenerationRequestPublisher publisher;
    private final JobReadModel jobs;
    private final GenerationLimits limits;
    private final TierLimits tierLimits;
    private final Clock clock = Clock.systemUTC();

    public GenerationService(GenerationRequestPublisher publisher, JobReadModel jobs, GenerationLimits limits,
                             TierLimits tierLimits) {
        this.publisher = publisher;
        this.jobs = jobs;
        this.limits = limits;
        this.tierLimits = tierLimits;
    }

    /** Validates a request body against the caller's tier, with the configured maximum duration. */
    public GenerationOrder parse(com.fasterxml.jackson.databind.JsonNode body, Caller caller) {
        return GenerationRequestParser.parse(body, caller.tier(), tierLimits.of(caller.tier()).maxDurationSeconds());
    }

    /**
     * @throws io.soundbox.gateway.problem.ApiProblem 429 when the caller is over a limit
     * @throws GenerationRequestPublisher.QueueUnavailableException when nothing could be queued
     */
    public GenerationAccepted submit(Caller caller, GenerationOrder order) {
        Instant now = clock.instant();
        GenerationRequested request = new GenerationRequested(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                caller.userId(), caller.tier().wireName(), caller.tier().priority(), order.model(), order.prompt(),
                order.durationSeconds(), order.loop(), null, now);
        GenerationLimits.Admission admission = limits.admit(caller, request.jobId());
        try {
            publisher.publish(request);
        } catch (RuntimeException e) {
            limits.cancel(admission);
            throw e;
        }

        // An estimate until generation-service publishes the real position.
        int position = (int) Math.min(Integer.MAX_VALUE, jobs.queuedCount() + 1);
        // Stamped with the request time, so any status generation-service already published for this
        // job (it may be fast) is newer and wins.
        jobs.apply(JobStatus.queued(request, position, null, now));

        Tier tier = caller.tier();
        TierLimit limit = tierLimits.of(tier);
        return new GenerationAccepted(true, request.jobId(), position, queueMessage(position), tier.wireName(),
                new GenerationAccepted.Limits(boxed(limit.maxDurationSeconds()), boxed(limit.perHour())),
                "/job/" + request.jobId());
    }

    static String queueMessage(int position) {
        return position <= 1 ? "Your request is next in the queue" : "Your request is #" + position + " in the queue";
    }

    private static Integer boxed(java.util.OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
