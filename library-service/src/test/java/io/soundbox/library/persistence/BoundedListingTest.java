package io.soundbox.library.persistence;

import static io.soundbox.library.persistence.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.domain.Page;
import io.soundbox.library.search.Fts5Query;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Totals counted up to a cap, and searches that consider only their newest matches. */
class BoundedListingTest {
    static final int MAX_MATCHES = 5;
    static final int LIST_CAP = 7;
    @TempDir
    Path dir;
    TestDatabase db;
    GenerationRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated(dir);
        repository = new GenerationRepository(db, MAX_MATCHES, LIST_CAP);
        // r0 .. r7: eight public rain items, r7 the newest; one private; three storms
        for (int i = 0; i < 8; i++) {
            repository.upsert(Samples.music("r" + i, "soft rain number " + i, List.of("ambient"), T0.plusSeconds(i)));
        }
        repository.upsert(Samples.generation("hidden", "soft rain hidden", AudioKind.MUSIC, List.of(), false,
                T0.plusSeconds(100)));
        for (int i = 0; i < 3; i++) {
            repository.upsert(Samples.music("s" + i, "storm " + i, List.of(), T0.plusSeconds(200 + i)));
        }
    }

    @Test
    void aBroadSearchCountsUpToTheCapAndSaysSo() {
        Page<Generation> page = repository.list(search("rain", 1, 20, LibrarySort.RELEVANCE));

        assertThat(page.total()).isEqualTo(MAX_MATCHES);
        assertThat(page.totalIsEstimate()).isTrue();
        assertThat(page.pages()).isEqualTo(1);
        // the newest five matches, not any older one
        assertThat(ids(page)).containsExactlyInAnyOrder("r3", "r4", "r5", "r6", "r7");
    }

    @Test
    void aNarrowSearchHasAnExactTotal() {
        Page<Generation> page = repository.list(search("storm", 1, 20, LibrarySort.RELEVANCE));

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.totalIsEstimate()).isFalse();
        assertThat(ids(page)).containsExactlyInAnyOrder("s0", "s1", "s2");
        assertThat(repository.list(search("nothingmatches", 1, 20, LibrarySort.RELEVANCE)))
                .satisfies(p -> {
                    assertThat(p.total()).isZero();
                    assertThat(p.totalIsEstimate()).isFalse();
                    assertThat(p.items()).isEmpty();
                });
    }

    @Test
    void pagesOfABroadSearchEndAtTheCap() {
        Page<Generation> second = repository.list(search("rain", 2, 2, LibrarySort.RECENT));
        Page<Generation> third = repository.list(search("rain", 3, 2, LibrarySort.RECENT));
        Page<Generation> fourth = repository.list(search("rain", 4, 2, LibrarySort.RECENT));

        assertThat(ids(second)).containsExactly("r5", "r4");
        assertThat(ids(third)).containsExactly("r3");
        assertThat(fourth.items()).isEmpty();
        for (Page<Generation> p : List.of(second, third, fourth)) {
            assertThat(p.total()).isEqualTo(MAX_MATCHES);
            assertThat(p.totalIsEstimate()).isTrue();
            assertThat(p.pages()).isEqualTo(3);
        }
    }

    @Test
    void aSearchWithinTheWindowStillRanksByRelevance() {
        repository.upsert(Samples.music("best", "thunder thunder", List.of(), T0.plusSeconds(300)));
        repository.upsert(Samples.music("weak", "a long prompt about many things and one thunder", List.of(),
                T0.plusSeconds(301)));

        assertThat(ids(repository.list(search("thunder", 1, 20, LibrarySort.RELEVANCE))))
                .containsExactly("best", "weak");
    }

    @Test
    void aListingWithoutSearchCountsUpToItsCapAndPagesOn() {
        Page<Generation> first = repository.list(new LibraryQuery(1, 5, null, null, LibrarySort.RECENT, null, null));
        Page<Generation> third = repository.list(new LibraryQuery(3, 5, null, null, LibrarySort.RECENT, null, null));
        assertThat(first.total()).isEqualTo(LIST_CAP);
        assertThat(first.totalIsEstimate()).isTrue();
        assertThat(first.items()).extracting(Generation::id).containsExactly("s2", "s1", "s0", "r7", "r6");
        // 11 public items: the page after the counted ones is still served
        assertThat(third.items()).extracting(Generation::id).containsExactly("r0");
        Page<Generation> ambient = repository.list(new LibraryQuery(1, 20, null, null, LibrarySort.RECENT, null,
                "ambient"));
        assertThat(ambient.total()).as("eight ambient items").isEqualTo(LIST_CAP);
        assertThat(ambient.totalIsEstimate()).isTrue();
        Page<Generation> kind = repository.list(new LibraryQuery(1, 20, AudioKind.SFX, null, LibrarySort.RECENT,
                null, null));
        assertThat(kind.total()).isZero();
        assertThat(kind.totalIsEstimate()).isFalse();
    }

    @Test
    void aPlainUpdateOfVisibilityIsSeenBySearchAndCount() throws SQLException {
        // Since V3 the owner's wish (owner_public) and the review give is_public, through triggers.
        exec("UPDATE generations SET owner_public = 0 WHERE id = 's1'");
        assertThat(ids(repository.list(search("storm", 1, 20, LibrarySort.RELEVANCE))))
                .containsExactlyInAnyOrder("s0", "s2");

        exec("UPDATE generations SET owner_public = 1 WHERE id = 'hidden'");
        exec("UPDATE generations SET prompt = 'storm hidden' WHERE id = 'hidden'");
        Page<Generation> storms = repository.list(search("storm", 1, 20, LibrarySort.RELEVANCE));
        assertThat(ids(storms)).containsExactlyInAnyOrder("s0", "s2", "hidden");
        assertThat(storms.total()).isEqualTo(3);
        exec("INSERT INTO generations_fts (generations_fts) VALUES ('integrity-check')");
    }

    private static LibraryQuery search(String text, int page, int perPage, LibrarySort sort) {
        return new LibraryQuery(page, perPage, null, Fts5Query.parse(text).orElseThrow(), sort, null, null);
    }

    private static List<String> ids(Page<Generation> page) {
        return page.items().stream().map(Generation::id).toList();
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
