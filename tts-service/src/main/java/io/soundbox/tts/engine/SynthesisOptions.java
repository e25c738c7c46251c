package io.soundbox.tts.engine;

/**
 * Per-request synthesis settings.
 *
 * @param speakerId   speaker of a multi-speaker voice (0 otherwise)
 * @param speed       1 is the voice's own pace, 2 twice as fast; Piper divides its length scale by it
 * @param variability Piper's noise scale override (null: the voice's own); ignored by other engines
 */
public record SynthesisOptions(int speakerId, double speed, Double variability) {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 4.0;

    public static SynthesisOptions defaults() {
        return new SynthesisOptions(0, 1.0, null);
    }
}
