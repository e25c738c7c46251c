package io.soundbox.library.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.search.Fts5Query;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by the first release (V1 only, with rows) is upgraded in place. */
class MigrationUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aVersionOneDatabaseWithRowsIsUpgradedAndItsRowsKeepWorking() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(List.of(MigratorTest.v1()));
        MigratorTest.exec(db, "INSERT INTO generations (id, filename, prompt, model, kind, category, user_id, is_public,"
                + " upvotes, created_at, updated_at) VALUES ('old1', 'old1.wav', 'dusty lofi piano', 'music', 'music',"
                + " '[\"lofi\",\"piano\"]', 'u1', 1, 4, '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')");
        MigratorTest.exec(db, "INSERT INTO generations (id, filename, prompt, model, kind, category, user_id, is_public,"
                + " created_at, updated_at) VALUES ('old2', 'old2.wav', 'secret rain', 'audio', 'sfx', '[\"rain\"]', 'u2', 0,"
                + " '2024-01-02T00:00:00.000000Z', '2024-01-02T00:00:00.000000Z')");

        Migrator.Report report = new Migrator(db).migrate(LibrarySchema.migrations());

        assertThat(report.applied()).containsExactly(2, 3, 4, 5, 6);
        assertThat(report.currentVersion()).isEqualTo(6);
        assertThat(MigratorTest.query(db, "SELECT count(*) FROM generation_categories")).isEqualTo("3");
        GenerationRepository repo = new GenerationRepository(db);
        assertThat(repo.list(new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, null, "piano")).items())
                .extracting(g -> g.id()).containsExactly("old1");
        assertThat(repo.list(new LibraryQuery(1, 10, null, Fts5Query.parse("lofi").orElseThrow(),
                LibrarySort.RELEVANCE, null, null)).total()).isEqualTo(1);
        assertThat(repo.list(new LibraryQuery(1, 10, null, null, LibrarySort.RATING, null, null)).items())
                .extracting(g -> g.id()).containsExactly("old1");
        // the new tables accept rows that name the old ones
        new io.soundbox.library.community.FavoriteStore(db).add("u9", "old1", Samples.T0);
        assertThat(MigratorTest.query(db, "SELECT count(*) FROM favorites")).isEqualTo("1");
        assertThat(MigratorTest.query(db, "PRAGMA foreign_key_check")).isNull();
    }

    @Test
    void aVersionTwoDatabaseWithRowsGetsTheNewSearchIndexAndItKeepsFollowingTheTable() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        List<Migration> upToTwo = LibrarySchema.migrations().stream().filter(m -> m.version() <= 2).toList();
        new Migrator(db).migrate(upToTwo);
        // Rows as a version-2 library held them (today's repository writes version-3 columns).
        for (int i = 0; i < 30; i++) {
            MigratorTest.exec(db, "INSERT INTO generations (id, filename, prompt, model, kind, category, user_id,"
                    + " is_public, created_at, updated_at) VALUES ('old" + i + "', 'old" + i + ".wav', '"
                    + (i % 3 == 0 ? "rainforest" : "rainy") + " drums " + i + "', 'music', 'music', '[\"ambient\"]',"
                    + " 'u1', 1, '2024-01-01T00:00:" + String.format("%02d", i) + ".000000Z',"
                    + " '2024-01-01T00:00:00.000000Z')");
        }
        MigratorTest.exec(db, "UPDATE generations SET upvotes = 3 WHERE id = 'old4'");

        Migrator.Report report = new Migrator(db).migrate(LibrarySchema.migrations());
        GenerationRepository repo = new GenerationRepository(db);

        assertThat(report.applied()).contains(4);
        assertThat(MigratorTest.query(db, "SELECT sql FROM sqlite_master WHERE name = 'generations_fts'"))
                .contains("prefix = '2 3 4'");  // V6 keeps V4's prefix lengths
        MigratorTest.exec(db, "INSERT INTO generations_fts (generations_fts) VALUES ('integrity-check')");
        assertThat(repo.list(search("rain")).total()).isEqualTo(30); // a 4-letter prefix: the new prefix index
        assertThat(repo.list(search("rainf")).total()).isEqualTo(10);
        assertThat(repo.findById("old4").orElseThrow().upvotes()).isEqualTo(3);
        // the triggers were created again: inserts, text updates and deletes reach the new index
        repo.upsert(Samples.music("new1", "rainmaker", List.of(), Samples.T0.plusSeconds(100)));
        MigratorTest.exec(db, "UPDATE generations SET prompt = 'desert wind' WHERE id = 'old1'");
        repo.delete("old2", "u1", Samples.T0);
        assertThat(repo.list(search("rain")).total()).isEqualTo(29);
        assertThat(repo.list(search("desert")).items()).extracting(g -> g.id()).containsExactly("old1");
        MigratorTest.exec(db, "INSERT INTO generations_fts (generations_fts) VALUES ('integrity-check')");
    }

    @Test
    void aVersionFourDatabaseIndexesNewRowsPerBatchAndKeepsItsRowTriggersForChanges() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(LibrarySchema.migrations().stream().filter(m -> m.version() <= 4).toList());
        // Rows as version 4 stored them: its row triggers indexed them (today's repository indexes them itself).
        insertRow(db, "v4a", "u1", "harbour bells", "[\"ambient\"]");
        insertRow(db, "v4b", "u1", "harbour fog", "[\"piano\"]");
        String[] versionFourTriggers = {"generations_fts_ai", "generation_categories_ai"};
        for (String trigger : versionFourTriggers) {
            assertThat(MigratorTest.query(db, "SELECT count(*) FROM sqlite_master WHERE name = '" + trigger + "'"))
                    .isEqualTo("1");
        }

        assertThat(new Migrator(db).migrate(LibrarySchema.migrations()).applied()).containsExactly(5, 6);

        for (String trigger : versionFourTriggers) {
            assertThat(MigratorTest.query(db, "SELECT count(*) FROM sqlite_master WHERE name = '" + trigger + "'"))
                    .isEqualTo("0");
        }
        GenerationRepository repo = new GenerationRepository(db);
        repo.upsertAll(List.of(Samples.music("v5a", "harbour storm", List.of("ambient", "cinematic"),
                Samples.T0.plusSeconds(2))));
        MigratorTest.exec(db, "UPDATE generations SET prompt = 'desert wind', category = '[\"desert\"]'"
                + " WHERE id = 'v4b'");
        assertThat(repo.list(search("harbour")).items()).extracting(g -> g.id()).containsExactlyInAnyOrder("v4a",
                "v5a");
        assertThat(repo.list(search("desert")).items()).extracting(g -> g.id()).containsExactly("v4b");
        assertThat(MigratorTest.query(db, "SELECT group_concat(category, ',') FROM (SELECT category FROM"
                + " generation_categories ORDER BY category, seq)")).isEqualTo("ambient,ambient,cinematic,desert");
        MigratorTest.exec(db, "INSERT INTO generations_fts (generations_fts, rank) VALUES ('integrity-check', 1)");
    }

    @Test
    void aVersionFiveDatabaseGetsTheOwnerInItsSearchIndex() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(LibrarySchema.migrations().stream().filter(m -> m.version() <= 5).toList());
        // Rows as version 5 stored them: the row, then its words indexed per batch without an owner.
        insertRow(db, "v5a", "ann", "harbour bells", "[]");
        insertRow(db, "v5b", "bob", "harbour fog", "[]");
        MigratorTest.exec(db, "INSERT INTO generations_fts (rowid, prompt, category) SELECT seq, prompt, category"
                + " FROM generations");

        assertThat(new Migrator(db).migrate(LibrarySchema.migrations()).applied()).containsExactly(6);

        GenerationRepository repo = new GenerationRepository(db);
        repo.upsertAll(List.of(Samples.music("v6a", "harbour storm", List.of(), Samples.T0))); // owner user-1
        assertThat(repo.list(new LibraryQuery(1, 10, null, Fts5Query.parse("harbour").orElseThrow(),
                LibrarySort.RELEVANCE, "bob", null)).items()).extracting(g -> g.id()).containsExactly("v5b");
        assertThat(repo.list(new LibraryQuery(1, 10, null, Fts5Query.parse("harbour").orElseThrow(),
                LibrarySort.RELEVANCE, "user-1", null)).items()).extracting(g -> g.id()).containsExactly("v6a");
        assertThat(repo.list(search("harbour")).total()).isEqualTo(3);
        MigratorTest.exec(db, "INSERT INTO generations_fts (generations_fts, rank) VALUES ('integrity-check', 1)");
    }

    /** A public music row written with plain SQL, as an earlier release's code wrote it. */
    private static void insertRow(TestDatabase db, String id, String user, String prompt, String categoryJson)
            throws Exception {
        MigratorTest.exec(db, "INSERT INTO generations (id, filename, prompt, model, kind, category, user_id,"
                + " is_public, created_at, updated_at) VALUES ('" + id + "', '" + id + ".wav', '" + prompt
                + "', 'music', 'music', '" + categoryJson + "', '" + user + "', 1, '2024-01-01T00:00:00.000000Z',"
                + " '2024-01-01T00:00:00.000000Z')");
    }

    private static LibraryQuery search(String text) {
        return new LibraryQuery(1, 50, null, Fts5Query.parse(text).orElseThrow(), LibrarySort.RELEVANCE, null, null);
    }
}
