package io.soundbox.audio;

import java.io.IOException;

/** The bytes are not a WAV file this codec can read; the message says what is wrong. */
public class WavFormatException extends IOException {
    public WavFormatException(String message) {
        super(message);
    }
}
