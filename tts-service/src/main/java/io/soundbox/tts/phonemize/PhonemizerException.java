package io.soundbox.tts.phonemize;

/** espeak-ng could not phonemize the text (unknown voice, missing data, failed process). */
public class PhonemizerException extends RuntimeException {
    public PhonemizerException(String message) {
        super(message);
    }

    public PhonemizerException(String message, Throwable cause) {
        super(message, cause);
    }
}
