package io.soundbox.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A finished audio file is in the audio store. The library ingests it; re-delivery upserts the same row.
 *
 * @param model      generation model wire name, or {@code "voice"} for speech
 * @param filename   file name inside the audio store (no directories)
 * @param tags       free-form tags from the requester (may be empty)
 */
public record AudioCreated(
        int schemaVersion,
        String generationId,
        String jobId,
        String filename,
        AudioKind kind,
        String model,
        String prompt,
        double durationSeconds,
        int sampleRate,
        String userId,
        boolean isPublic,
        Integer qualityScore,
        String spectrogram,
        String voice,
        boolean loop,
        List<String> tags,
        Instant createdAt) implements SoundboxEvent {

    public AudioCreated {
        Objects.requireNonNull(generationId, "generationId");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(kind, "kind");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String key() {
        return generationId;
    }
}
