package io.soundbox.library.domain;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.search.Fts5Query;
import java.util.Objects;

/**
 * A validated request for one page of the library. Null filters mean "any".
 *
 * @param match       the full-text condition, null to list without searching
 * @param sort        the effective order (see {@link LibrarySort#effective})
 * @param category    a category id the item must carry
 * @param viewer      who is looking: anonymous callers see public items, owners also their own private
 *                    ones, admins everything
 * @param publicOnly  TRUE: public items only, FALSE: private items only (of those the viewer may see)
 * @param minDuration seconds, inclusive
 * @param maxDuration seconds, inclusive
 * @param source      a Graphlings source id the item must carry
 */
public record LibraryQuery(
        int page,
        int perPage,
        AudioKind kind,
        Fts5Query match,
        LibrarySort sort,
        String userId,
        String category,
        Caller viewer,
        Boolean publicOnly,
        Double minDuration,
        Double maxDuration,
        String source) {

    public LibraryQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page starts at 1");
        }
        if (perPage < 1) {
            throw new IllegalArgumentException("per_page must be positive");
        }
        Objects.requireNonNull(sort, "sort");
        viewer = viewer == null ? Caller.anonymous() : viewer;
        if (sort == LibrarySort.RELEVANCE && match == null) {
            throw new IllegalArgumentException("relevance needs a search");
        }
    }

    /** A query of any source. */
    public LibraryQuery(int page, int perPage, AudioKind kind, Fts5Query match, LibrarySort sort, String userId,
                        String category, Caller viewer, Boolean publicOnly, Double minDuration, Double maxDuration) {
        this(page, perPage, kind, match, sort, userId, category, viewer, publicOnly, minDuration, maxDuration, null);
    }

    /** An anonymous viewer's query without duration or visibility filters. */
    public LibraryQuery(int page, int perPage, AudioKind kind, Fts5Query match, LibrarySort sort, String userId,
                        String category) {
        this(page, perPage, kind, match, sort, userId, category, Caller.anonymous(), null, null, null);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
