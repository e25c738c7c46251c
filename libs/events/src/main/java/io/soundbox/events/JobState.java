package io.soundbox.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Life cycle of a generation job, with the status words of the original API. */
public enum JobState {
    QUEUED, LOADING, GENERATING, ANALYZING, COMPLETED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobState fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
