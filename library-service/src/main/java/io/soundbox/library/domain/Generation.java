package io.soundbox.library.domain;

import io.soundbox.events.AudioKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One finished audio file in the library, with its community counters.
 *
 * @param model       the generation model's wire name ({@code music}, {@code magnet-audio}, ...) or
 *                    {@code voice} for speech
 * @param categories  category ids from the categoriser, best first
 * @param qualityScore 0-100 from the quality analysis, null when not analysed
 * @param isPublic     the effective visibility: the owner wants it public and it is approved
 * @param ownerPublic  what the owner asked for
 * @param reviewStatus the moderation decision ({@code APPROVED} where nobody reviews)
 * @param source       the Graphlings source id, null for none
 */
public record Generation(
        String id,
        String filename,
        String prompt,
        String model,
        AudioKind kind,
        double durationSeconds,
        int sampleRate,
        List<String> categories,
        String userId,
        boolean isPublic,
        boolean isLoop,
        int upvotes,
        int downvotes,
        long playCount,
        long downloadCount,
        Integer qualityScore,
        String spectrogram,
        String voice,
        Instant createdAt,
        Instant updatedAt,
        boolean ownerPublic,
        ReviewStatus reviewStatus,
        String source) {

    public Generation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        categories = categories == null ? List.of() : List.copyOf(categories);
        reviewStatus = reviewStatus == null ? ReviewStatus.APPROVED : reviewStatus;
    }

    /** An approved item whose owner's wish is its visibility, of no source (tests, bulk loads). */
    public Generation(String id, String filename, String prompt, String model, AudioKind kind, double durationSeconds,
                      int sampleRate, List<String> categories, String userId, boolean isPublic, boolean isLoop,
                      int upvotes, int downvotes, long playCount, long downloadCount, Integer qualityScore,
                      String spectrogram, String voice, Instant createdAt, Instant updatedAt) {
        this(id, filename, prompt, model, kind, durationSeconds, sampleRate, categories, userId, isPublic, isLoop,
                upvotes, downvotes, playCount, downloadCount, qualityScore, spectrogram, voice, createdAt, updatedAt,
                isPublic, ReviewStatus.APPROVED, null);
    }
}
