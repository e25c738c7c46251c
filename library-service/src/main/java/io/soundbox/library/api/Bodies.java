package io.soundbox.library.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Request bodies of the API, with the original's field names. */
final class Bodies {
    private Bodies() {
    }

    record Vote(@JsonProperty("generation_id") String generationId,
                Integer vote,
                @JsonProperty("feedback_reasons") List<String> feedbackReasons,
                String notes,
                @JsonProperty("suggested_model") String suggestedModel) {
    }

    record Ids(List<String> ids) {
    }

    record TagSuggestion(String category, String action) {
    }

    record Play(@JsonProperty("session_id") String sessionId, Double duration, String source) {
    }

    record Visibility(@JsonProperty("is_public") Boolean isPublic) {
    }

    record PlaylistFields(String name, String description, @JsonProperty("is_public") Boolean isPublic) {
    }

    record Track(@JsonProperty("generation_id") String generationId) {
    }

    record Cleanup(Integer count, @JsonProperty("dry_run") Boolean dryRun) {
    }

    /** An admin decision: {@code action} approve, reject or delete; {@code ids} for the bulk form. */
    record Moderate(String action, List<String> ids) {
    }

    /** {@code generation_id} or {@code ids}, and the source (null clears it). */
    record SetSource(@JsonProperty("generation_id") String generationId, List<String> ids, String source) {
    }

    record Reorder(@JsonProperty("track_order") List<String> trackOrder) {
    }
}
