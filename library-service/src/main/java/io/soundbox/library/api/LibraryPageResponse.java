package io.soundbox.library.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.Page;
import java.util.List;

/**
 * {@code {"items": [...], "total": N, "page": P, "per_page": PP, "pages": K, "total_is_estimate": B}} as in
 * the original, plus {@code total_is_estimate}: true when counting stopped at a cap and {@code total} is a
 * lower bound (a broad search), false for an exact total.
 */
public record LibraryPageResponse(
        List<LibraryItem> items,
        long total,
        int page,
        @JsonProperty("per_page") int perPage,
        long pages,
        @JsonProperty("total_is_estimate") boolean totalIsEstimate) {

    static LibraryPageResponse of(Page<Generation> page) {
        return new LibraryPageResponse(page.items().stream().map(LibraryItem::of).toList(), page.total(),
                page.page(), page.perPage(), page.pages(), page.totalIsEstimate());
    }
}
