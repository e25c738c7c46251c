package io.soundbox.generation.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.JobStatus;
import io.soundbox.generation.job.JobEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes job events keyed by job id and waits for the broker's acknowledgement ({@code emitter.send}
 * alone is fire-and-forget). Called from job worker threads, never from an event loop.
 */
@ApplicationScoped
public class KafkaJobEvents implements JobEvents {
    /** Longer than the producer's own delivery timeout (2 min), which is where retries happen. */
    private static final long SEND_TIMEOUT_SECONDS = 150;

    private final Emitter<Record<String, JobStatus>> statuses;
    private final Emitter<Record<String, AudioCreated>> audio;

    public KafkaJobEvents(@Channel("job-status") Emitter<Record<String, JobStatus>> statuses,
                          @Channel("audio-created") Emitter<Record<String, AudioCreated>> audio) {
        this.statuses = statuses;
        this.audio = audio;
    }

    @Override
    public void publish(JobStatus status) {
        await(statuses.send(Record.of(status.key(), status)), "job status of " + status.jobId());
    }

    @Override
    public void publish(AudioCreated created) {
        await(audio.send(Record.of(created.key(), created)), "audio.created of " + created.generationId());
    }

    private static void await(CompletionStage<Void> sent, String what) {
        try {
            sent.toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no broker acknowledgement for " + what + " within "
                    + SEND_TIMEOUT_SECONDS + " s", e);
        }
    }
}
