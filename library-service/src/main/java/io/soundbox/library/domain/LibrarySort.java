package io.soundbox.library.domain;

import java.util.Locale;
import java.util.Optional;

/** Orders of the library listing; the first three are the original's. */
public enum LibrarySort {
    /** Newest first. */
    RECENT,
    /** Most votes of either kind first (the original's "popular"), then most played. */
    POPULAR,
    /** Best vote balance (up minus down) first. */
    RATING,
    /** Best full-text match first (bm25); only meaningful with a search. */
    RELEVANCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LibrarySort> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (LibrarySort v : values()) {
            if (v.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
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
