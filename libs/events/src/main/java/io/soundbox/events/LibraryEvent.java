package io.soundbox.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Something a user did in the library, announced for the Graphlings platform. {@code eventId} lets
 * consumers de-duplicate; {@code data} holds the action's details (vote value, play source, ...).
 */
public record LibraryEvent(
        int schemaVersion,
        String eventId,
        Type type,
        String generationId,
        String userId,
        Map<String, Object> data,
        Instant at) implements SoundboxEvent {

    public enum Type {
        GENERATION_ADDED, GENERATION_DELETED, VOTED, FAVORITED, UNFAVORITED, PLAYED,
        PLAYLIST_CHANGED, TAG_SUGGESTED, CATEGORY_CHANGED, VISIBILITY_CHANGED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Type fromWire(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public LibraryEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    @Override
    public String key() {
        return generationId != null ? generationId : eventId;
    }
}
