package io.soundbox.tts.engine;

/** The text had nothing this voice can pronounce (for example only symbols its language lacks). */
public class NothingToSpeakException extends RuntimeException {
    public NothingToSpeakException(String message) {
        super(message);
    }
}
