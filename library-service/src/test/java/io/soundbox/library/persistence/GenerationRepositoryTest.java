package io.soundbox.library.persistence;

import static io.soundbox.library.persistence.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.domain.Page;
import io.soundbox.library.search.Fts5Query;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationRepositoryTest {
    @TempDir
    Path dir;
    TestDatabase db;
    GenerationRepository repository;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated(dir);
        repository = new GenerationRepository(db);
    }

    @Test
    void storesAndReadsBackEveryField() {
        Generation g = Samples.generation("g1", "a voice line", AudioKind.SPEECH, List.of("american", "greeting"),
                true, Instant.parse("2024-05-01T12:00:00.123456789Z"));

        assertThat(repository.upsert(g)).isTrue();

        Generation read = repository.findById("g1").orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("createdAt", "updatedAt").isEqualTo(g);
        assertThat(read.createdAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00.123456Z"));
    }

    @Test
    void replayIsANoOpAndARefreshKeepsWhatPeopleChanged() throws SQLException {
        Generation first = Samples.music("g1", "lofi piano", List.of("lofi"), T0);
        repository.upsert(first);
        exec("UPDATE generations SET upvotes = 7, downvotes = 2, play_count = 40, owner_public = 0,"
                + " category = '[\"curated\"]' WHERE id = 'g1'");

        assertThat(repository.upsert(first)).as("identical replay").isFalse();
        Generation retried = new Generation("g1", "g1-retry.wav", "another prompt", "magnet-music", AudioKind.MUSIC,
                9.5, 44100, List.of("rock"), "someone-else", true, true, 0, 0, 0, 0, 91, "g1-retry.png", null,
                T0.plusSeconds(60), T0.plusSeconds(60));
        assertThat(repository.upsert(retried)).isTrue();

        Generation now = repository.findById("g1").orElseThrow();
        assertThat(now.filename()).isEqualTo("g1-retry.wav");
        assertThat(now.durationSeconds()).isEqualTo(9.5);
        assertThat(now.sampleRate()).isEqualTo(44100);
        assertThat(now.isLoop()).isTrue();
        assertThat(now.qualityScore()).isEqualTo(91);
        assertThat(now.spectrogram()).isEqualTo("g1-retry.png");
        assertThat(now.updatedAt()).isEqualTo(T0.plusSeconds(60));
        // untouched by re-delivery
        assertThat(now.prompt()).isEqualTo("lofi piano");
        assertThat(now.model()).isEqualTo("music");
        assertThat(now.userId()).isEqualTo("user-1");
        assertThat(now.createdAt()).isEqualTo(T0);
        assertThat(now.upvotes()).isEqualTo(7);
        assertThat(now.downvotes()).isEqualTo(2);
        assertThat(now.playCount()).isEqualTo(40);
        assertThat(now.isPublic()).isFalse();
        assertThat(now.categories()).containsExactly("curated");
        assertThat(count("SELECT count(*) FROM generations")).isEqualTo(1);
    }

    @Test
    void theFtsIndexFollowsInsertsUpdatesAndDeletes() throws SQLException {
        repository.upsert(Samples.music("g1", "rain on a window", List.of("ambient"), T0));
        assertThat(ids(search("window"))).containsExactly("g1");

        exec("UPDATE generations SET prompt = 'wind in the trees', category = '[\"nature\"]' WHERE id = 'g1'");
        assertThat(ids(search("window"))).isEmpty();
        assertThat(ids(search("trees nature"))).containsExactly("g1");

        exec("UPDATE generations SET play_count = play_count + 1 WHERE id = 'g1'");
        assertThat(ids(search("trees"))).containsExactly("g1");

        exec("DELETE FROM generations WHERE id = 'g1'");
        assertThat(ids(search("trees"))).isEmpty();
        // the index's own consistency check: fails if the external-content index drifted from the table
        exec("INSERT INTO generations_fts (generations_fts) VALUES ('integrity-check')");
    }

    @Test
    void aBatchIndexesExactlyTheRowsItInsertedEvenAfterTheNewestRowWasDeleted() throws SQLException {
        repository.upsertAll(List.of(Samples.music("a1", "old harbour bells", List.of("ambient"), T0),
                Samples.music("a2", "newest then deleted", List.of("piano"), T0.plusSeconds(1))));
        // the largest seq goes away: the next insert takes that seq again (INTEGER PRIMARY KEY is max + 1)
        repository.delete("a2", "user-1", T0);

        List<GenerationRepository.Outcome> outcomes = repository.upsertAll(List.of(
                Samples.music("b1", "storm over the harbour", List.of("ambient", "cinematic", "ambient"),
                        T0.plusSeconds(2)),
                Samples.music("a1", "old harbour bells", List.of("ambient"), T0), // replay: unchanged
                Samples.music("a2", "newest then deleted", List.of("piano"), T0.plusSeconds(1)), // stays deleted
                Samples.music("b2", "harbour at dawn", List.of(), T0.plusSeconds(3)),
                Samples.music("b1", "storm over the harbour", List.of("ambient", "cinematic", "ambient"),
                        T0.plusSeconds(2))));

        assertThat(outcomes).containsExactly(GenerationRepository.Outcome.INSERTED,
                GenerationRepository.Outcome.UNCHANGED, GenerationRepository.Outcome.DELETED_BEFORE,
                GenerationRepository.Outcome.INSERTED, GenerationRepository.Outcome.UNCHANGED);
        assertThat(ids(search("harbour"))).containsExactlyInAnyOrder("a1", "b1", "b2");
        assertThat(ids(search("deleted"))).isEmpty();
        assertThat(count("SELECT count(*) FROM generations_fts WHERE generations_fts MATCH 'harbour'")).isEqualTo(3);
        // rank 1: also compares the index with the table's text, row by row
        exec("INSERT INTO generations_fts (generations_fts, rank) VALUES ('integrity-check', 1)");
        // one category row per distinct category of every row, and no other
        assertThat(count("SELECT count(*) FROM generation_categories")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM (SELECT DISTINCT j.value, g.seq FROM generations g,"
                + " json_each(g.category) j EXCEPT SELECT category, seq FROM generation_categories)")).isZero();
        assertThat(ids(repository.list(new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, null, "cinematic"))))
                .containsExactly("b1");
    }

    @Test
    void theIndexSurvivesVacuumBecauseRowidsAreStable() throws SQLException {
        for (int i = 0; i < 20; i++) {
            repository.upsert(Samples.music("g" + i, "track number" + i, List.of(), T0.plusSeconds(i)));
        }
        exec("DELETE FROM generations WHERE id IN ('g1', 'g5', 'g7')");
        exec("VACUUM");
        exec("INSERT INTO generations_fts (generations_fts) VALUES ('integrity-check')");
        assertThat(ids(search("number19"))).containsExactly("g19");
    }

    @Test
    void listsOnlyPublicItemsNewestFirstWithTotalsAndPages() {
        for (int i = 0; i < 5; i++) {
            repository.upsert(Samples.music("pub" + i, "song " + i, List.of(), T0.plusSeconds(i)));
        }
        repository.upsert(Samples.generation("private", "song secret", AudioKind.MUSIC, List.of(), false,
                T0.plusSeconds(99)));

        Page<Generation> first = repository.list(query(1, 2, null, null, LibrarySort.RECENT, null));
        assertThat(ids(first)).containsExactly("pub4", "pub3");
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(ids(repository.list(query(3, 2, null, null, LibrarySort.RECENT, null)))).containsExactly("pub0");
        Page<Generation> beyond = repository.list(query(4, 2, null, null, LibrarySort.RECENT, null));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(repository.findPublicById("private")).isEmpty();
        assertThat(repository.findById("private")).isPresent();
    }

    @Test
    void filtersByKindUserAndCategory() {
        repository.upsert(Samples.music("m1", "calm", List.of("ambient", "piano"), T0));
        repository.upsert(Samples.generation("s1", "rain", AudioKind.SFX, List.of("rain"), true, T0));
        Generation other = Samples.music("m2", "calm", List.of("ambient"), T0);
        repository.upsert(new Generation("m2", "m2.wav", "calm", "music", AudioKind.MUSIC, 1, 1, List.of("ambient"),
                "user-2", true, false, 0, 0, 0, 0, null, null, null, other.createdAt(), other.updatedAt()));

        assertThat(ids(repository.list(query(1, 10, AudioKind.SFX, null, LibrarySort.RECENT, null))))
                .containsExactly("s1");
        assertThat(ids(repository.list(query(1, 10, null, null, LibrarySort.RECENT, "piano"))))
                .containsExactly("m1");
        assertThat(ids(repository.list(new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, "user-2", null))))
                .containsExactly("m2");
        assertThat(ids(repository.list(query(1, 10, AudioKind.MUSIC, null, LibrarySort.RECENT, "ambient"))))
                .containsExactlyInAnyOrder("m1", "m2");
    }

    @Test
    void aSearchWithinOneUsersItemsIsNarrowedByTheIndexWhateverTheUserIdHoldsAndFollowsAChangedOwner()
            throws SQLException {
        String odd = "Zoë \"x\" OR owner_key:* -42"; // FTS5 syntax and non-ASCII: one opaque token all the same
        repository.upsertAll(List.of(owned("o1", odd, "rain rain on the roof", true, 1),
                owned("o2", odd, "a little rain", false, 2),
                owned("o3", odd, "dry desert wind", true, 3),
                owned("x1", "zoë", "rain from someone else", true, 4),
                owned("x2", "Zoë \"x\" OR owner_key:* -4", "rain of a user whose id is a prefix", true, 5)));

        Page<Generation> anonymous = repository.list(within(odd, "rain", io.soundbox.library.auth.Caller.anonymous()));
        assertThat(ids(anonymous)).containsExactly("o1");
        assertThat(anonymous.total()).isEqualTo(1);
        assertThat(ids(repository.list(within(odd, "rai", io.soundbox.library.auth.Caller.user(odd, "free")))))
                .containsExactly("o1", "o2"); // the better match first, the owner's private item too
        assertThat(count("SELECT count(*) FROM generations WHERE owner_key = '"
                + LibraryListSql.ownerToken(odd).toUpperCase(java.util.Locale.ROOT).replaceFirst("^U", "u") + "'"))
                .as("the Java token is SQLite's 'u' || hex(user_id)").isEqualTo(3);

        exec("UPDATE generations SET user_id = 'zoë' WHERE id = 'o1'"); // an owner change reaches the index
        assertThat(ids(repository.list(within("zoë", "rain", io.soundbox.library.auth.Caller.anonymous()))))
                .containsExactlyInAnyOrder("o1", "x1");
        assertThat(ids(repository.list(within(odd, "rain", io.soundbox.library.auth.Caller.anonymous())))).isEmpty();
        exec("INSERT INTO generations_fts (generations_fts, rank) VALUES ('integrity-check', 1)");
    }

    @Test
    void searchedWordsNeverMatchTheOwnerTokensOfTheIndex() {
        // user-1's token is u757365722d31: before words were scoped to the text columns, "u75" (a prefix)
        // matched every item of every user whose id starts with "u", and the full token that user's items.
        repository.upsertAll(List.of(owned("p1", "user-1", "calm piano", true, 1),
                owned("p2", "user-2", "u2 live", true, 2)));
        String token = LibraryListSql.ownerToken("user-1");

        assertThat(ids(search("u75"))).isEmpty();
        assertThat(ids(search(token))).isEmpty();
        assertThat(ids(search("Ü75"))).as("FTS5 folds accents and case").isEmpty();
        assertThat(ids(search("u2"))).containsExactly("p2"); // a word of the prompt still matches
        assertThat(ids(search("calm u"))).isEmpty(); // "u" is the word u, not a prefix
        // only words that fold to a leading u carry the (costly) column filter
        assertThat(GenerationRepository.couldMatchAnOwnerToken("u75")).isTrue();
        assertThat(GenerationRepository.couldMatchAnOwnerToken("Úrban")).isTrue();
        assertThat(GenerationRepository.couldMatchAnOwnerToken("rain")).isFalse();
        assertThat(GenerationRepository.textMatch(io.soundbox.library.search.Fts5Query.parse("calm u75").orElseThrow()))
                .isEqualTo("\"calm\" {prompt category} : \"u75\"*");
        assertThat(ids(repository.list(within("user-1", token, io.soundbox.library.auth.Caller.anonymous()))))
                .isEmpty();
        assertThat(ids(repository.list(within("user-1", "pia", io.soundbox.library.auth.Caller.anonymous()))))
                .containsExactly("p1");
    }

    private static LibraryQuery within(String user, String text, io.soundbox.library.auth.Caller viewer) {
        return new LibraryQuery(1, 10, null, Fts5Query.parse(text).orElseThrow(), LibrarySort.RELEVANCE, user, null,
                viewer, null, null, null);
    }

    private static Generation owned(String id, String user, String prompt, boolean isPublic, int second) {
        Instant at = T0.plusSeconds(second);
        return new Generation(id, id + ".wav", prompt, "music", AudioKind.MUSIC, 8.0, 32000, List.of(), user, isPublic,
                false, 0, 0, 0, 0, 80, null, null, at, at);
    }

    @Test
    void relevanceRanksTheBetterMatchFirst() {
        repository.upsert(Samples.music("weak", "a long ambient piece with many words and a bit of rain somewhere in it",
                List.of(), T0.plusSeconds(10)));
        repository.upsert(Samples.music("strong", "rain rain rain", List.of(), T0));

        assertThat(ids(search("rain"))).containsExactly("strong", "weak");
    }

    @Test
    void popularAndRatingOrderByVotes() throws SQLException {
        repository.upsert(Samples.music("loved", "a", List.of(), T0));
        repository.upsert(Samples.music("disputed", "b", List.of(), T0.plusSeconds(1)));
        repository.upsert(Samples.music("new", "c", List.of(), T0.plusSeconds(2)));
        exec("UPDATE generations SET upvotes = 5, downvotes = 0 WHERE id = 'loved'");
        exec("UPDATE generations SET upvotes = 6, downvotes = 6 WHERE id = 'disputed'");

        assertThat(ids(repository.list(query(1, 10, null, null, LibrarySort.POPULAR, null))))
                .containsExactly("disputed", "loved", "new");
        assertThat(ids(repository.list(query(1, 10, null, null, LibrarySort.RATING, null))))
                .containsExactly("loved", "disputed", "new"); // a tie on balance goes to more upvotes
    }

    @Test
    void oddIdsAreJustNotFound() {
        assertThat(repository.findPublicById("\uD800")).isEmpty();
        assertThat(repository.findPublicById("' OR 1=1 --")).isEmpty();
        assertThat(repository.findPublicById("x".repeat(10_000))).isEmpty();
    }

    private Page<Generation> search(String text) {
        return repository.list(query(1, 100, null, Fts5Query.parse(text).orElseThrow(), LibrarySort.RELEVANCE, null));
    }

    private static LibraryQuery query(int page, int perPage, AudioKind kind, Fts5Query match, LibrarySort sort,
                                      String category) {
        return new LibraryQuery(page, perPage, kind, match, sort, null, category);
    }

    private static List<String> ids(Page<Generation> page) {
        return page.items().stream().map(Generation::id).toList();
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
