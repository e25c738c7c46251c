package io.soundbox.gateway.generation;

import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobStatus;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.TimeOrderedIds;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.messaging.GenerationRequestPublisher;
import io.soundbox.gateway.ratelimit.GenerationLimits;
import io.soundbox.gateway.ratelimit.TierLimit;
import io.soundbox.gateway.ratelimit.TierLimits;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

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
    static final String CLEANUP_URL = "/api/my-generations/cleanup";
    private static final Logger LOG = Logger.getLogger(GenerationService.class);

    private final Clock clock = Clock.systemUTC();

    private final LibraryStorage storage;

    private final ModelDurationLimits modelLimits;

    public GenerationService(GenerationRequestPublisher publisher, JobReadModel jobs, GenerationLimits limits,
                             TierLimits tierLimits, LibraryStorage storage, ModelDurationLimits modelLimits) {
        this.modelLimits = modelLimits;
        this.publisher = publisher;
        this.jobs = jobs;
        this.limits = limits;
        this.tierLimits = tierLimits;
        this.storage = storage;
    }

    /** Validates a request body against the caller's tier, with the configured maximum duration. */
    public GenerationOrder parse(com.fasterxml.jackson.databind.JsonNode body, Caller caller) {
        return modelLimits.check(
                GenerationRequestParser.parse(body, caller.tier(), tierLimits.of(caller.tier()).maxDurationSeconds()));
    }

    /**
     * @throws io.soundbox.gateway.problem.ApiProblem 429 when the caller is over a limit, 403 when a
     *         private order would exceed the private storage, 503 when the library cannot tell
     * @throws GenerationRequestPublisher.QueueUnavailableException when nothing could be queued
     */
    public GenerationAccepted submit(Caller caller, GenerationOrder order) {
        Instant now = clock.instant();
        GenerationRequested request = new GenerationRequested(SchemaVersion.CURRENT, TimeOrderedIds.next(),
                caller.userId(), caller.tier().wireName(), caller.tier().priority(), order.model(), order.prompt(),
                order.durationSeconds(), order.loop(), null, now, order.isPublic());
        // Asked before anything is reserved: a refused or unanswerable private order costs nothing.
        PrivateStorage room = order.isPublic() ? null : privateStorage(caller);
        GenerationLimits.Admission admission = limits.admit(caller, request.jobId());
        if (room != null) {
            long blockedAt = jobs.tryReservePrivate(caller.userId(), request.jobId(), room.room());
            if (blockedAt >= 0) {
                limits.cancel(admission);
                jobs.releasePending(caller.userId(), request.jobId());
                throw storageFull(room, blockedAt, caller.tier().wireName());
            }
        }
        try {
            publisher.publish(request);
        } catch (RuntimeException e) {
            limits.cancel(admission);
            jobs.releasePending(caller.userId(), request.jobId());
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
                "/job/" + request.jobId(), order.isPublic());
    }

    private PrivateStorage privateStorage(Caller caller) {
        try {
            return storage.of(caller);
        } catch (DownstreamUnavailableException e) {
            LOG.warnf("Private storage of %s unknown: %s", caller.userId(), e.getMessage());
            throw ApiProblem.unavailable("storage-unavailable", "cannot check your private storage right now, "
                    + "nothing was queued; try again shortly, or generate publicly").withHeader("Retry-After", "5");
        }
    }

    /** The original's storage rule: private results count against the tier's limit, pending ones too. */
    static ApiProblem storageFull(PrivateStorage storage, long pendingPrivate, String callerTier) {
        String tier = storage.tier() != null ? storage.tier() : callerTier;
        return new ApiProblem(403, "storage-limit", "Private storage full", "your private storage holds "
                + storage.privateCount() + (pendingPrivate > 0 ? " generations and " + pendingPrivate
                + " more are being made" : " generations") + "; the " + tier + " tier keeps "
                + storage.limit() + ". Delete or publish some (cleanup: POST " + CLEANUP_URL
                + "), or generate publicly")
                .with("private_count", storage.privateCount()).with("pending_private", pendingPrivate)
                .with("limit", storage.limit()).with("cleanup_url", CLEANUP_URL);
    }

    static String queueMessage(int position) {
        return position <= 1 ? "Your request is next in the queue" : "Your request is #" + position + " in the queue";
    }

    private static Integer boxed(java.util.OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }
}
