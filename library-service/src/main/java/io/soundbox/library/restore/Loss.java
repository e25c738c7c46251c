package io.soundbox.library.restore;

import java.util.List;

/**
 * One kind of state the live library holds that the restored one would not (or the other way round).
 *
 * @param kind  a stable word: generations-lost, deletions-undone, visibility, categories, votes, favorites,
 *              playlists, playlist-tracks, tag-suggestions, plays, live-database-unreadable
 * @param count exactly how many; {@code ids} holds the first {@link LibraryDiff#MAX_IDS} of them
 */
public record Loss(String kind, String description, long count, List<String> ids) {
}
