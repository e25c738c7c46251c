package io.soundbox.gateway.queue;

import io.soundbox.events.GenerationControl;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.SchemaVersion;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.jobs.JobReadModel;
import io.soundbox.gateway.messaging.GenerationControlPublisher;
import io.soundbox.gateway.messaging.GenerationControlPublisher.ControlUnavailableException;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.wallet.AuraWallet;
import io.soundbox.gateway.wallet.WalletException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Queue actions on the job read model: the queue view, cancelling a job and paying Aura to skip the
 * queue. Commands go to generation-service through {@code soundbox.generation.control}; the job's state
 * changes only when generation-service publishes it, so every replica shows the same truth.
 * Blocking (broker acks, wallet calls): worker threads only.
 */
public final class QueueService {
    private static final Logger LOG = Logger.getLogger(QueueService.class);
    static final String SKIP_ITEM = "queue-skip";

    public record CancelAccepted(boolean success, String jobId, String status, String message) {
    }

    public record SkipDone(boolean success, String jobId, int cost, String currency, String message) {
    }

    private final JobReadModel jobs;
    private final GenerationControlPublisher control;
    private final Optional<AuraWallet> wallet;
    private final AuraSkipPricing pricing;
    private final SkipLedger ledger;
    private final int viewMaxEntries;
    private final Clock clock;

    public QueueService(JobReadModel jobs, GenerationControlPublisher control, Optional<AuraWallet> wallet,
                        AuraSkipPricing pricing, SkipLedger ledger, int viewMaxEntries, Clock clock) {
        this.jobs = jobs;
        this.control = control;
        this.wallet = wallet;
        this.pricing = pricing;
        this.ledger = ledger;
        this.viewMaxEntries = viewMaxEntries;
        this.clock = clock;
    }

    public AuraSkipPricing pricing() {
        return pricing;
    }

    public boolean skipsEnabled() {
        return wallet.isPresent();
    }

    /** Cancels an unfinished job of the caller (any job for an admin). */
    public CancelAccepted cancel(Caller caller, String jobId) {
        JobStatus job = visibleJob(caller, jobId, true);
        if (job.state().isFinal()) {
            throw new ApiProblem(409, "job-finished", "Conflict", "the job is already " + job.state().wireName()
                    + " and cannot be cancelled").with("job_status", job.state().wireName());
        }
        publish(new GenerationControl(SchemaVersion.CURRENT, job.jobId(), caller.userId(),
                GenerationControl.Action.CANCEL, clock.instant()));
        return new CancelAccepted(true, job.jobId(), job.state().wireName(),
                "cancellation requested; the job's status turns to cancelled when generation-service stops it");
    }

    /**
     * Charges the caller the skip price of a queued job and moves it ahead. {@code userToken} is the
     * caller's own bearer token: the accounts service decides whose wallet pays.
     */
    public SkipDone skip(Caller caller, String userToken, String jobId) {
        JobStatus job = visibleJob(caller, jobId, false);
        requireQueued(job);
        AuraWallet payer = wallet.orElseThrow(() -> new ApiProblem(501, "skip-disabled", "Not Implemented",
                "queue skips are not available on this server: no Aura wallet is configured"));
        if (!ledger.tryBegin(job.jobId())) {
            throw new ApiProblem(409, "already-skipped", "Conflict", "this job was already skipped (a job can"
                    + " skip the queue once)");
        }
        boolean skipped = false;
        try {
            int cost = pricing.costFor(job.durationSeconds());
            AuraWallet.Charge charge = new AuraWallet.Charge(cost, SKIP_ITEM, job.jobId());
            AuraWallet.Receipt receipt = charge(payer, userToken, charge);

            // Paying takes a round trip; the job may have left the queue meanwhile.
            JobStatus now = jobs.find(job.jobId()).orElse(job);
            if (now.state() != JobState.QUEUED) {
                boolean refunded = refund(payer, userToken, charge, receipt, "the job started before the skip");
                throw new ApiProblem(409, "job-started", "Conflict", "the job started while the skip was being"
                        + " paid; " + (refunded ? "the Aura was refunded" : "the refund is pending"))
                        .with("job_status", now.state().wireName()).with("refunded", refunded);
            }
            try {
                publish(new GenerationControl(SchemaVersion.CURRENT, job.jobId(), caller.userId(),
                        GenerationControl.Action.SKIP, clock.instant()));
            } catch (ApiProblem e) {
                refund(payer, userToken, charge, receipt, "the skip could not be queued");
                throw e;
            }
            ledger.markSkipped(job.jobId());
            skipped = true;
            return new SkipDone(true, job.jobId(), cost, "aura", "the job moves to the front of its queue");
        } finally {
            if (!skipped) {
                ledger.release(job.jobId());
            }
        }
    }

    /** The queue as this caller may see it. {@code caller} is null for anonymous callers. */
    public QueueSnapshot snapshot(Caller caller) {
        boolean full = caller != null && caller.isAdmin();
        List<JobStatus> unfinished = new ArrayList<>(jobs.unfinished());
        unfinished.sort(QUEUE_ORDER);
        int queued = 0;
        int running = 0;
        List<QueueEntry> mine = new ArrayList<>();
        List<QueueEntry> all = new ArrayList<>();
        for (JobStatus s : unfinished) {
            if (s.state() == JobState.QUEUED) {
                queued++;
            } else {
                running++;
            }
            boolean own = caller != null && caller.userId().equals(s.userId());
            if (own && mine.size() < viewMaxEntries) {
                mine.add(entry(s, true, true));
            }
            if (all.size() < viewMaxEntries) {
                all.add(entry(s, own, full || own));
            }
        }
        return new QueueSnapshot(queued, running, unfinished.size(), full, unfinished.size() > all.size(), mine,
                all);
    }

    /** Running jobs first, then queued ones by position (unknown positions last), then by age. */
    static final Comparator<JobStatus> QUEUE_ORDER = Comparator
            .comparing((JobStatus s) -> s.state() == JobState.QUEUED)
            .thenComparingInt(s -> s.position() > 0 ? s.position() : Integer.MAX_VALUE)
            .thenComparing(JobStatus::updatedAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private QueueEntry entry(JobStatus s, boolean own, boolean details) {
        boolean queued = s.state() == JobState.QUEUED;
        return new QueueEntry(details ? s.jobId() : null, s.state().wireName(),
                queued && s.position() > 0 ? s.position() : null, s.model() == null ? null : s.model().wireName(),
                s.durationSeconds(), s.etaSeconds(), details ? s.prompt() : null,
                details && !own ? s.userId() : null, own, own ? ledger.isSkipped(s.jobId()) : null);
    }

    private JobStatus visibleJob(Caller caller, String jobId, boolean adminMayAct) {
        return jobs.find(jobId)
                .filter(s -> (adminMayAct && caller.isAdmin()) || caller.userId().equals(s.userId()))
                // Same answer for "unknown" and "someone else's": job ids cannot be probed.
                .orElseThrow(() -> ApiProblem.notFound("no job with this id"));
    }

    private static void requireQueued(JobStatus job) {
        if (job.state() != JobState.QUEUED) {
            throw new ApiProblem(409, "job-not-queued", "Conflict", "only a queued job can skip the queue; this"
                    + " one is " + job.state().wireName()).with("job_status", job.state().wireName());
        }
    }

    private static AuraWallet.Receipt charge(AuraWallet payer, String userToken, AuraWallet.Charge charge) {
        try {
            return payer.spend(userToken, charge);
        } catch (WalletException.Refused e) {
            throw new ApiProblem(402, "payment-refused", "Payment Required", "the skip costs " + charge.amount()
                    + " Aura and the wallet refused the charge: " + e.getMessage())
                    .with("cost", charge.amount()).with("currency", "aura");
        } catch (WalletException.Unavailable e) {
            LOG.warnf("Wallet unavailable for job %s: %s", charge.jobId(), e.getMessage());
            throw ApiProblem.unavailable("wallet-unavailable", "the Aura wallet cannot be reached; nothing was"
                    + " charged, try again shortly").withHeader("Retry-After", "10");
        }
    }

    private static boolean refund(AuraWallet payer, String userToken, AuraWallet.Charge charge,
                                  AuraWallet.Receipt receipt, String reason) {
        try {
            payer.refund(userToken, charge, receipt, reason);
            return true;
        } catch (WalletException e) {
            // Logged with everything an operator needs to refund by hand.
            LOG.errorf("REFUND FAILED: %d Aura for job %s (transaction %s, %s): %s", charge.amount(),
                    charge.jobId(), receipt == null ? null : receipt.transactionId(), reason, e.getMessage());
            return false;
        }
    }

    private void publish(GenerationControl command) {
        try {
            control.publish(command);
        } catch (ControlUnavailableException e) {
            throw ApiProblem.unavailable("queue-unavailable", "the generation queue is unavailable; nothing was"
                    + " changed, try again shortly").withHeader("Retry-After", "10");
        }
    }
}
