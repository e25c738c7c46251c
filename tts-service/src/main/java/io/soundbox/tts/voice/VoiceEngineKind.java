package io.soundbox.tts.voice;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What synthesizes a voice: a Piper ONNX model, or FreeTTS (pure Java, no weights to install). */
public enum VoiceEngineKind {
    PIPER, FREETTS;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
