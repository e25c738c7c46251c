package io.soundbox.library.search;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.Page;
import io.soundbox.library.persistence.GenerationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Browsing and searching the library as a viewer may see it. */
@ApplicationScoped
public class LibraryBrowser {
    /** Ids are at most this long; longer search text is never looked up as an id. */
    static final int MAX_ID_LENGTH = 128;

    private final GenerationRepository repository;

    public LibraryBrowser(GenerationRepository repository) {
        this.repository = repository;
    }

    /**
     * One page of the listing. A search text that is exactly the id of a public item answers that item
     * alone (the original's share links paste an id into the search box); other filters do not apply then.
     *
     * @param rawSearch the search text as typed, null when not searching
     */
    public Page<Generation> browse(LibraryQuery query, String rawSearch) {
        if (rawSearch != null) {
            String candidate = rawSearch.strip();
            if (!candidate.isEmpty() && candidate.length() <= MAX_ID_LENGTH) {
                Optional<Generation> byId = repository.findVisible(candidate, query.viewer());
                if (byId.isPresent()) {
                    return new Page<>(List.of(byId.get()), 1, 1, query.perPage());
                }
            }
        }
        return repository.list(query);
    }

    public Optional<Generation> find(String id) {
        return find(id, Caller.anonymous());
    }

    /** A generation the viewer may see: public, their own, or any for an admin. */
    public Optional<Generation> find(String id, Caller viewer) {
        if (id == null || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return repository.findVisible(id, viewer);
    }
}
