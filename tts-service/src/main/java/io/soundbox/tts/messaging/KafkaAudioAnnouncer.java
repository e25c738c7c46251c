package io.soundbox.tts.messaging;

import io.smallrye.reactive.messaging.kafka.Record;
import io.soundbox.events.AudioCreated;
import io.soundbox.tts.config.TtsConfig;
import io.soundbox.tts.speech.AudioAnnouncer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends {@code soundbox.audio.created} keyed by generation id and waits for the broker's
 * acknowledgement ({@code emitter.send} alone is fire-and-forget). Called from request worker threads.
 */
@ApplicationScoped
public class KafkaAudioAnnouncer implements AudioAnnouncer {
    private final Emitter<Record<String, AudioCreated>> emitter;
    private final Duration timeout;

    public KafkaAudioAnnouncer(@Channel("audio-created") Emitter<Record<String, AudioCreated>> emitter, TtsConfig config) {
        this.emitter = emitter;
        this.timeout = config.tts().publishTimeout();
    }

    @Override
    public void announce(AudioCreated event) {
        try {
            emitter.send(Record.of(event.key(), event)).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while announcing " + event.generationId(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the announcement: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka acknowledgement within " + timeout.toSeconds() + " s", e);
        }
    }
}
