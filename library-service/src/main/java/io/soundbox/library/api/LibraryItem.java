package io.soundbox.library.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.soundbox.library.domain.Generation;
import java.time.Instant;
import java.util.List;

/**
 * A library item as the original's API showed it (snake_case field names; is_public and is_loop are JSON
 * booleans, category a JSON array). {@code is_public} is what others see; {@code requested_public} the owner's
 * wish, which may wait for an admin's {@code review_status}.
 */
public record LibraryItem(
        String id,
        String filename,
        String prompt,
        String model,
        String kind,
        double duration,
        @JsonProperty("sample_rate") int sampleRate,
        List<String> category,
        @JsonProperty("user_id") String userId,
        // Explicit names: Jackson could otherwise read isPublic() as the getter of a property "public".
        @JsonProperty("is_public") boolean isPublic,
        @JsonProperty("is_loop") boolean isLoop,
        int upvotes,
        int downvotes,
        @JsonProperty("play_count") long playCount,
        @JsonProperty("quality_score") Integer qualityScore,
        String spectrogram,
        String voice,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("audio_url") String audioUrl,
        @JsonProperty("download_count") long downloadCount,
        @JsonProperty("requested_public") boolean requestedPublic,
        @JsonProperty("review_status") String reviewStatus,
        String source) {

    static LibraryItem of(Generation g) {
        return new LibraryItem(g.id(), g.filename(), g.prompt(), g.model(), g.kind().wireName(),
                g.durationSeconds(), g.sampleRate(), g.categories(), g.userId(), g.isPublic(), g.isLoop(),
                g.upvotes(), g.downvotes(), g.playCount(), g.qualityScore(), g.spectrogram(), g.voice(),
                g.createdAt(), "/audio/" + g.filename(), g.downloadCount(), g.ownerPublic(),
                g.reviewStatus().wireName(), g.source());
    }
}
