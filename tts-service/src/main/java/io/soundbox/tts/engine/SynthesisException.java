package io.soundbox.tts.engine;

/** A voice could not be loaded or failed while speaking: a server-side problem, not the request's. */
public class SynthesisException extends RuntimeException {
    public SynthesisException(String message, Throwable cause) {
        super(message, cause);
    }
}
