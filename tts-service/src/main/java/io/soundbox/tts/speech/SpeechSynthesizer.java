package io.soundbox.tts.speech;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.tts.engine.AudioSink;
import io.soundbox.tts.engine.SynthesisOptions;
import io.soundbox.tts.engine.VoiceCache;
import io.soundbox.tts.voice.VoiceEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Speaks text with a cached voice and collects the chunks into one mono buffer. At most
 * {@code maxConcurrent} syntheses run at once (each Piper run already uses several cores; more would
 * only slow every request down); others wait up to {@code maxWait}, then get {@link BusyException}.
 * Thread-safe.
 */
public final class SpeechSynthesizer {
    private final VoiceCache cache;
    private final Semaphore running;
    private final Duration maxWait;

    public SpeechSynthesizer(VoiceCache cache) {
        this(cache, Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(30));
    }

    public SpeechSynthesizer(VoiceCache cache, int maxConcurrent, Duration maxWait) {
        this.cache = cache;
        this.running = new Semaphore(Math.max(1, maxConcurrent), true);
        this.maxWait = maxWait;
    }

    /** Every synthesis slot stayed taken for the whole wait. */
    public static final class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message);
        }
    }

    public PcmBuffer speak(VoiceEntry voice, String text, SynthesisOptions options) {
        return speak(voice, text, options, chunk -> { });
    }

    /** As {@link #speak(VoiceEntry, String, SynthesisOptions)}, also handing every chunk to {@code tap} as it comes. */
    public PcmBuffer speak(VoiceEntry voice, String text, SynthesisOptions options, AudioSink tap) {
        List<float[]> chunks = new ArrayList<>();
        int[] rate = new int[1];
        acquire();
        try {
            cache.with(voice, v -> {
                rate[0] = v.sampleRate();
                v.synthesize(text, options, chunk -> {
                    chunks.add(chunk);
                    tap.accept(chunk);
                });
            });
        } finally {
            running.release();
        }
        int total = 0;
        for (float[] c : chunks) {
            total += c.length;
        }
        float[] all = new float[total];
        int at = 0;
        for (float[] c : chunks) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return PcmBuffer.mono(rate[0], all);
    }

    private void acquire() {
        try {
            if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BusyException("every synthesis slot stayed busy for " + maxWait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException("interrupted while waiting for a synthesis slot");
        }
    }
}
