package io.soundbox.library.persistence;

import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.Generation;
import java.time.Instant;
import java.util.List;

/** Library rows for tests. */
public final class Samples {
    public static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private Samples() {
    }

    public static Generation music(String id, String prompt, List<String> categories, Instant createdAt) {
        return generation(id, prompt, AudioKind.MUSIC, categories, true, createdAt);
    }

    public static Generation generation(String id, String prompt, AudioKind kind, List<String> categories,
                                        boolean isPublic, Instant createdAt) {
        return new Generation(id, id + ".wav", prompt, kind == AudioKind.MUSIC ? "music"
                : kind == AudioKind.SFX ? "audio" : "voice", kind, 8.0, 32000, categories, "user-1", isPublic,
                false, 0, 0, 0, 0, 80, id + ".png", kind == AudioKind.SPEECH ? "en_US-lessac-medium" : null,
                createdAt, createdAt);
    }
}
