package io.soundbox.library.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
    @TempDir
    Path dir;

    @Test
    void migratesAnEmptyFileToTheLibrarySchema() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));

        Migrator.Report report = new Migrator(db).migrate(LibrarySchema.migrations());

        assertThat(report.applied()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(report.currentVersion()).isEqualTo(6);
        assertThat(names(db, "table")).contains("generations", "generations_fts", "schema_version", "votes",
                "favorites", "playlists", "playlist_tracks", "tag_suggestions", "play_events",
                "generation_categories", "deleted_generations");
        assertThat(names(db, "trigger")).containsExactlyInAnyOrder(
                "generations_fts_ad", "generations_fts_au", "generation_categories_au",
                "generations_visibility_ai", "generations_visibility_au");
        assertThat(names(db, "index")).contains("idx_generations_public_created",
                "idx_generations_public_kind_created", "idx_generations_user_created");
        assertThat(query(db, "SELECT description FROM schema_version WHERE version = 1")).isEqualTo("generations");
        assertThat(query(db, "PRAGMA journal_mode")).isEqualTo("wal");
    }

    @Test
    void runningAgainAppliesNothingAndKeepsTheData() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(LibrarySchema.migrations());
        exec(db, "INSERT INTO generations (id, filename, model, kind, created_at, updated_at)"
                + " VALUES ('g1', 'g1.wav', 'music', 'music', '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')");

        Migrator.Report again = new Migrator(db).migrate(LibrarySchema.migrations());

        assertThat(again.applied()).isEmpty();
        assertThat(again.currentVersion()).isEqualTo(LibrarySchema.latestVersion());
        assertThat(query(db, "SELECT count(*) FROM generations")).isEqualTo("1");
        assertThat(query(db, "SELECT count(*) FROM schema_version")).isEqualTo(
                String.valueOf(LibrarySchema.FILES.size()));
    }

    @Test
    void appliesNewMigrationsInVersionOrderWhateverTheListOrder() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        List<Migration> migrations = new ArrayList<>();
        // V3 needs V2's table: it can only succeed when V2 ran first.
        migrations.add(Migration.of("V3__third.sql", "INSERT INTO second VALUES (3);"));
        migrations.add(Migration.of("V2__second.sql", "CREATE TABLE second (x INTEGER); INSERT INTO second VALUES (2);"));
        migrations.add(v1());

        Migrator.Report report = new Migrator(db).migrate(migrations);

        assertThat(report.applied()).containsExactly(1, 2, 3);
        assertThat(report.currentVersion()).isEqualTo(3);
        assertThat(query(db, "SELECT group_concat(x) FROM (SELECT x FROM second ORDER BY rowid)")).isEqualTo("2,3");
    }

    @Test
    void aFailingMigrationIsRolledBackCompletely() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(List.of(v1()));
        List<Migration> migrations = new ArrayList<>(List.of(v1()));
        migrations.add(Migration.of("V2__broken.sql",
                "CREATE TABLE half (x INTEGER); INSERT INTO half VALUES (1); THIS IS NOT SQL;"));

        assertThatThrownBy(() -> new Migrator(db).migrate(migrations))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("V2 (broken)")
                .hasMessageContaining("rolled back");

        assertThat(names(db, "table")).doesNotContain("half");
        assertThat(new Migrator(db).currentVersion()).isEqualTo(1);
    }

    @Test
    void anAppliedMigrationThatWasEditedIsRefused() {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(List.of(Migration.of("V1__one.sql", "CREATE TABLE one (x INTEGER);")));

        assertThatThrownBy(() -> new Migrator(db).migrate(
                List.of(Migration.of("V1__one.sql", "CREATE TABLE one (x INTEGER, y TEXT);"))))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("changed after it was applied");
    }

    @Test
    void aDatabaseNewerThanTheBuildIsRefused() {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(List.of(
                Migration.of("V1__one.sql", "CREATE TABLE one (x INTEGER);"),
                Migration.of("V2__two.sql", "CREATE TABLE two (x INTEGER);")));

        assertThatThrownBy(() -> new Migrator(db).migrate(
                List.of(Migration.of("V1__one.sql", "CREATE TABLE one (x INTEGER);"))))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("schema version 2");
    }

    @Test
    void duplicateVersionsAndBadNamesAreRejected() {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        assertThatThrownBy(() -> new Migrator(db).migrate(List.of(
                Migration.of("V1__a.sql", "SELECT 1;"), Migration.of("V1__b.sql", "SELECT 1;"))))
                .isInstanceOf(MigrationException.class).hasMessageContaining("share version 1");
        assertThatThrownBy(() -> Migration.of("1_generations.sql", "SELECT 1;"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Migration.of("V0__zero.sql", "SELECT 1;"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Migration.of("V12__add_votes.sql", "SELECT 1;").description()).isEqualTo("add votes");
    }

    @Test
    void theMigrationListNamesEveryScriptInTheMigrationDirectory() throws IOException {
        Path sources = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(sources)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(LibrarySchema.FILES.stream().sorted().toList());
        }
    }

    /** The library's first migration alone: the schema of a database written by the first release. */
    static Migration v1() {
        return LibrarySchema.migrations().get(0);
    }

    static List<String> names(TestDatabase db, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = '" + type + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static String query(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
