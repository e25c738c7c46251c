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

        assertThat(report.applied()).containsExactly(2, 3);
        assertThat(report.currentVersion()).isEqualTo(LibrarySchema.FILES.size());
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
}
