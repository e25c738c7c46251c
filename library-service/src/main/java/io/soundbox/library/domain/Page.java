package io.soundbox.library.domain;

import java.util.List;

/** One page of a listing and the size of the whole listing. */
public record Page<T>(List<T> items, long total, int page, int perPage) {
    public Page {
        items = List.copyOf(items);
    }

    /** Number of pages; 0 for an empty listing, like the original. */
    public long pages() {
        return (total + perPage - 1) / perPage;
    }
}
