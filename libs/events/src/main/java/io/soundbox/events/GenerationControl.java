package io.soundbox.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A command about a job that is already requested: cancel it, or move it ahead after an Aura payment. */
public record GenerationControl(
        int schemaVersion,
        String jobId,
        String userId,
        Action action,
        Instant at) implements SoundboxEvent {

    public enum Action {
        CANCEL, SKIP;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Action fromWire(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public GenerationControl {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(action, "action");
    }

    @Override
    public String key() {
        return jobId;
    }
}
