package io.soundbox.library.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.Page;
import java.util.List;

/** {@code {"items": [...], "total": N, "page": P, "per_page": PP, "pages": K}} as in the original. */
public record LibraryPageResponse(
        List<LibraryItem> items,
        long total,
        int page,
        @JsonProperty("per_page") int perPage,
        long pages) {

    static LibraryPageResponse of(Page<Generation> page) {
        return new LibraryPageResponse(page.items().stream().map(LibraryItem::of).toList(), page.total(),
                page.page(), page.perPage(), page.pages());
    }
}
