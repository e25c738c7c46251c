package io.soundbox.library.persistence;

import static io.soundbox.library.persistence.MigratorTest.exec;
import static io.soundbox.library.persistence.MigratorTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.stats.StatsStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A populated V2 database (the second release) upgraded to V3: moderation columns and their triggers. */
class MigrationV3UpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aVersionTwoDatabaseKeepsItsVisibilityAndEveryRowIsApproved() throws Exception {
        TestDatabase db = TestDatabase.at(dir.resolve("library.db"));
        new Migrator(db).migrate(LibrarySchema.migrations().subList(0, 2));
        insert(db, "pub", "u1", 1);
        insert(db, "priv", "u2", 0);
        exec(db, "INSERT INTO votes (generation_id, user_id, vote, created_at, updated_at)"
                + " VALUES ('pub', 'u9', 1, '2024-01-03T00:00:00.000000Z', '2024-01-03T00:00:00.000000Z')");
        exec(db, "INSERT INTO favorites (user_id, generation_id, created_at) VALUES ('u2', 'priv', '2024-01-03T00:00:00.000000Z')");

        Migrator.Report report = new Migrator(db).migrate(LibrarySchema.migrations());

        assertThat(report.applied()).contains(3);
        GenerationRepository repo = new GenerationRepository(db);
        var pub = repo.findById("pub").orElseThrow();
        var priv = repo.findById("priv").orElseThrow();
        assertThat(pub.isPublic()).isTrue();
        assertThat(pub.ownerPublic()).isTrue();
        assertThat(pub.reviewStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(pub.downloadCount()).isZero();
        assertThat(pub.source()).isNull();
        assertThat(priv.isPublic()).isFalse();
        assertThat(priv.ownerPublic()).isFalse();
        assertThat(priv.reviewStatus()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(query(db, "SELECT count(*) FROM votes")).isEqualTo("1");
        assertThat(query(db, "SELECT count(*) FROM favorites")).isEqualTo("1");
        assertThat(repo.list(new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, null, null)).items())
                .extracting(g -> g.id()).containsExactly("pub");
        assertThat(new StatsStore(db).privateCount("u2")).isEqualTo(1);
        assertThat(query(db, "PRAGMA foreign_key_check")).isNull();
    }

    @Test
    void theEffectiveVisibilityFollowsTheOwnersWishAndTheReviewWhateverWritesIt() throws Exception {
        TestDatabase db = TestDatabase.migrated(dir);
        // a writer that knows nothing of V3 (an older bulk load): is_public is taken as the owner's wish
        insert(db, "old-style", "u1", 1);
        assertThat(query(db, "SELECT owner_public || is_public || review_status FROM generations WHERE id = 'old-style'"))
                .isEqualTo("11approved");

        exec(db, "UPDATE generations SET review_status = 'pending' WHERE id = 'old-style'");
        assertThat(query(db, "SELECT is_public FROM generations WHERE id = 'old-style'")).isEqualTo("0");
        // a direct write of is_public cannot publish what is not approved
        exec(db, "UPDATE generations SET is_public = 1 WHERE id = 'old-style'");
        assertThat(query(db, "SELECT is_public FROM generations WHERE id = 'old-style'")).isEqualTo("0");
        exec(db, "UPDATE generations SET review_status = 'approved' WHERE id = 'old-style'");
        assertThat(query(db, "SELECT is_public FROM generations WHERE id = 'old-style'")).isEqualTo("1");
        exec(db, "UPDATE generations SET owner_public = 0 WHERE id = 'old-style'");
        assertThat(query(db, "SELECT is_public FROM generations WHERE id = 'old-style'")).isEqualTo("0");

        // an insert that names owner_public and a pending review is not public, whatever is_public says
        exec(db, "INSERT INTO generations (id, filename, model, kind, user_id, is_public, owner_public, review_status,"
                + " created_at, updated_at) VALUES ('new', 'new.wav', 'music', 'music', 'u1', 1, 1, 'pending',"
                + " '2024-01-05T00:00:00.000000Z', '2024-01-05T00:00:00.000000Z')");
        assertThat(query(db, "SELECT is_public FROM generations WHERE id = 'new'")).isEqualTo("0");
        assertThat(new GenerationRepository(db).findVisible("new", Caller.anonymous())).isEmpty();
        assertThat(new GenerationRepository(db).findVisible("new", Caller.user("u1", "free"))).isPresent();
    }

    @Test
    void fileLookupsAndTheModerationQueueUseTheirIndexes() throws Exception {
        TestDatabase db = TestDatabase.migrated(dir);
        assertThat(plan(db, "SELECT id FROM generations WHERE filename = 'x.wav'")).contains("idx_generations_filename");
        assertThat(plan(db, "SELECT id FROM generations WHERE spectrogram = 'x.png'")).contains("idx_generations_spectrogram");
        assertThat(plan(db, "SELECT id FROM generations g WHERE g.review_status = 'pending'"
                + " AND g.review_status <> 'approved' ORDER BY g.created_at, g.id")).contains("idx_generations_review_created");
        assertThat(plan(db, "SELECT count(*) FROM generations g WHERE g.user_id = 'u1' AND g.owner_public = 0"))
                .contains("idx_generations_user_private");
        assertThat(plan(db, "SELECT count(*) FROM generations WHERE source = 'forest' AND is_public = 1"))
                .contains("idx_generations_source");
    }

    private static void insert(TestDatabase db, String id, String user, int isPublic) throws Exception {
        exec(db, "INSERT INTO generations (id, filename, prompt, model, kind, category, user_id, is_public,"
                + " created_at, updated_at) VALUES ('" + id + "', '" + id + ".wav', 'lofi piano " + id + "', 'music', 'music',"
                + " '[\"lofi\"]', '" + user + "', " + isPublic + ", '2024-01-01T00:00:00.000000Z', '2024-01-01T00:00:00.000000Z')");
    }

    private static String plan(TestDatabase db, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
            while (rs.next()) {
                out.append(rs.getString("detail")).append('\n');
            }
        }
        return out.toString();
    }
}
