package io.soundbox.library.playlist;

import java.time.Instant;

/** A user's ordered list of tracks. */
public record Playlist(String id, String userId, String name, String description, boolean isPublic, int trackCount,
                       Instant createdAt, Instant updatedAt) {
}
