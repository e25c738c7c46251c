package io.soundbox.tts.engine;

/** Receives synthesized mono samples in order, chunk by chunk (a sentence, or an engine's buffer). */
@FunctionalInterface
public interface AudioSink {
    void accept(float[] samples);
}
