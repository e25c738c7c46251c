package io.soundbox.library.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Orders of the library listing; recent, popular and rating are the original's names. */
public enum LibrarySort {
    /** Newest first (alias newest). */
    RECENT,
    /** Most votes of either kind first (the original's "popular"), then most played. */
    POPULAR,
    /** Best vote balance (up minus down) first (alias top_rated). */
    RATING,
    /** Most played first (alias most_played). */
    PLAYS,
    /** Best full-text match first (bm25); only meaningful with a search. */
    RELEVANCE;

    private static final Map<String, LibrarySort> ALIASES = Map.of(
            "newest", RECENT, "new", RECENT,
            "top_rated", RATING, "top-rated", RATING, "top", RATING,
            "most_played", PLAYS, "most-played", PLAYS, "played", PLAYS);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LibrarySort> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (LibrarySort sort : values()) {
            if (sort.wireName().equals(v)) {
                return Optional.of(sort);
            }
        }
        return Optional.ofNullable(ALIASES.get(v));
    }

    /**
     * The order actually used: relevance when searching and nothing else was asked for; relevance
     * without a search has nothing to rank by, so it lists the newest first.
     */
    public static LibrarySort effective(LibrarySort requested, boolean searching) {
        if (requested == null) {
            return searching ? RELEVANCE : RECENT;
        }
        return requested == RELEVANCE && !searching ? RECENT : requested;
    }
}
