package io.soundbox.library.domain;

import io.soundbox.events.AudioKind;
import io.soundbox.library.search.Fts5Query;
import java.util.Objects;

/**
 * A validated request for one page of the public library. Null filters mean "any".
 *
 * @param match    the full-text condition, null to list without searching
 * @param sort     the effective order (see {@link LibrarySort#effective})
 * @param category a category id the item must carry
 */
public record LibraryQuery(
        int page,
        int perPage,
        AudioKind kind,
        Fts5Query match,
        LibrarySort sort,
        String userId,
        String category) {

    public LibraryQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page starts at 1");
        }
        if (perPage < 1) {
            throw new IllegalArgumentException("per_page must be positive");
        }
        Objects.requireNonNull(sort, "sort");
        if (sort == LibrarySort.RELEVANCE && match == null) {
            throw new IllegalArgumentException("relevance needs a search");
        }
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
