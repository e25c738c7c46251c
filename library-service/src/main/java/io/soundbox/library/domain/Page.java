package io.soundbox.library.domain;

import java.util.List;

/**
 * One page of a listing and the size of the whole listing.
 *
 * @param totalIsEstimate true when counting stopped at a cap: the listing holds at least {@code total}
 *                        items, and {@code total} is also as far as it can be paged
 */
public record Page<T>(List<T> items, long total, int page, int perPage, boolean totalIsEstimate) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page with an exact total. */
    public Page(List<T> items, long total, int page, int perPage) {
        this(items, total, page, perPage, false);
    }

    /** Number of pages; 0 for an empty listing, like the original. */
    public long pages() {
        return (total + perPage - 1) / perPage;
    }
}
