package io.soundbox.library.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.community.FavoriteStore;
import io.soundbox.library.community.PlayStore;
import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.domain.CategoryCatalog;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.files.FileLookupStore;
import io.soundbox.library.graphlings.SourceStore;
import io.soundbox.library.ingest.GenerationIngestor;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.TestDatabase;
import io.soundbox.library.radio.RadioStore;
import io.soundbox.library.search.Fts5Query;
import io.soundbox.library.stats.StatsStore;
import io.soundbox.library.storage.PrivateStorageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderation model on a real SQLite file with moderation turned on. */
class ModerationStoreTest {
    static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    @TempDir
    Path dir;
    TestDatabase db;
    GenerationRepository repository;
    GenerationIngestor ingestor;
    ModerationStore store;
    final ModerationPolicy on = new ModerationPolicy(true);

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated(dir);
        repository = new GenerationRepository(db);
        ingestor = new GenerationIngestor(new Categorizer(CategoryCatalog.loadDefault()), repository,
                Clock.fixed(NOW, ZoneOffset.UTC), on);
        store = new ModerationStore(db);
    }

    @Test
    void aPublicItemWaitsForReviewAndAReplayKeepsTheDecision() {
        AudioCreated e = event("g1", "bob", true, "jazz saxophone night", NOW.minusSeconds(60));
        ingestor.ingest(e);
        Generation g = repository.findById("g1").orElseThrow();
        assertThat(g.reviewStatus()).isEqualTo(ReviewStatus.PENDING);
        assertThat(g.ownerPublic()).isTrue();
        assertThat(g.isPublic()).isFalse();

        assertThat(store.decide(List.of("g1", "nope"), ReviewStatus.REJECTED, "admin-1", NOW))
                .containsOnlyKeys("g1");
        assertThat(ingestor.ingest(e)).as("an identical replay changes nothing").isFalse();
        // a quality retry of the same generation refreshes the file, not the decision
        ingestor.ingest(new AudioCreated(SchemaVersion.CURRENT, "g1", "g1", "g1-retry.wav", AudioKind.MUSIC, "music",
                "jazz saxophone night", 5.0, 32000, "bob", true, 90, null, null, false, List.of(), NOW.minusSeconds(60)));
        Generation after = repository.findById("g1").orElseThrow();
        assertThat(after.filename()).isEqualTo("g1-retry.wav");
        assertThat(after.reviewStatus()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(after.isPublic()).isFalse();
        assertThat(MigratorQueries.one(db, "SELECT reviewed_by FROM generations WHERE id = 'g1'")).isEqualTo("admin-1");

        store.decide(List.of("g1"), ReviewStatus.APPROVED, "admin-1", NOW);
        assertThat(repository.findById("g1").orElseThrow().isPublic()).isTrue();
        // the owner made it private; a replay of the (public) event does not publish it again
        store.setOwnerVisibility("g1", false, on, NOW);
        ingestor.ingest(e);
        assertThat(repository.findById("g1").orElseThrow().isPublic()).isFalse();
        assertThat(repository.findById("g1").orElseThrow().ownerPublic()).isFalse();
    }

    @Test
    void privateIsImmediatePublicWaitsAndTheQueueIsOldestFirst() {
        ingestor.ingest(event("p1", "bob", false, "private one", NOW.minusSeconds(300)));
        ingestor.ingest(event("p2", "bob", true, "public two", NOW.minusSeconds(200)));
        ingestor.ingest(event("p3", "ann", true, "public three", NOW.minusSeconds(400)));
        assertThat(repository.findById("p1").orElseThrow().reviewStatus()).isEqualTo(ReviewStatus.APPROVED);

        ModerationStore.State s = store.setOwnerVisibility("p1", true, on, NOW).orElseThrow();
        assertThat(s.status()).isEqualTo(ReviewStatus.PENDING);
        assertThat(s.isPublic()).isFalse();
        assertThat(s.changed()).isTrue();
        assertThat(store.queue(ReviewStatus.PENDING, 1, 10).items()).extracting(Generation::id)
                .containsExactly("p3", "p1", "p2");
        // made private again while pending: nothing left to review
        store.setOwnerVisibility("p2", false, on, NOW);
        assertThat(store.queue(ReviewStatus.PENDING, 1, 10).items()).extracting(Generation::id)
                .containsExactly("p3", "p1");
        assertThat(store.queue(ReviewStatus.PENDING, 2, 1).items()).extracting(Generation::id).containsExactly("p1");
        assertThat(store.queue(ReviewStatus.PENDING, 1, 1).total()).isEqualTo(2);

        store.decide(List.of("p3"), ReviewStatus.APPROVED, "admin", NOW);
        assertThat(repository.findById("p3").orElseThrow().isPublic()).isTrue();
        ModerationStore.State priv = store.setOwnerVisibility("p3", false, on, NOW).orElseThrow();
        assertThat(priv.isPublic()).isFalse();
        assertThat(priv.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(store.setOwnerVisibility("missing", true, on, NOW)).isEmpty();
        assertThat(store.queue(ReviewStatus.APPROVED, 1, 10).items()).extracting(Generation::id)
                .containsExactly("p3");
    }

    @Test
    void deletedItemsLeaveTombstonesSoAReplayDoesNotBringThemBack() {
        AudioCreated e = event("d1", "bob", true, "to delete", NOW);
        ingestor.ingest(e);
        assertThat(store.deleteAll(List.of("d1", "nope"), "admin", NOW)).extracting(Generation::id).containsExactly("d1");
        assertThat(ingestor.store(e)).isEqualTo(GenerationRepository.Outcome.DELETED_BEFORE);
        assertThat(repository.findById("d1")).isEmpty();
    }

    @Test
    void pendingAndRejectedItemsOfOthersCountNowhere() {
        Instant t = Instant.now();
        ingestor.ingest(event("ok", "bob", false, "jazz approved", t.minusSeconds(30)));
        store.setOwnerVisibility("ok", true, new ModerationPolicy(false), t);
        ingestor.ingest(event("wait", "bob", true, "jazz pending", t.minusSeconds(20)));
        ingestor.ingest(event("no", "bob", true, "jazz rejected", t.minusSeconds(10)));
        store.decide(List.of("no"), ReviewStatus.REJECTED, "admin", t);
        PlayStore plays = new PlayStore(db);
        for (String id : List.of("ok", "wait", "no")) {
            plays.record(id, "bob", "u:bob", "library", 1.0, t, Duration.ofSeconds(30));
        }
        new FavoriteStore(db).add("carol", "wait", t);
        MigratorQueries.exec(db, "UPDATE generations SET upvotes = 3");

        StatsStore stats = new StatsStore(db);
        assertThat(stats.trending(t.minusSeconds(3600), 100)).extracting(Generation::id).containsExactly("ok");
        assertThat(stats.mostPlayed(null, 100)).extracting(Generation::id).containsExactly("ok");
        assertThat(stats.kindCounts()).containsEntry("total", 1L);
        assertThat(stats.categoryCounts(AudioKind.MUSIC)).containsEntry("jazz", 1L);
        assertThat(stats.overview()).containsEntry("total_generations", 1L).containsEntry("total_plays", 1L)
                .containsEntry("total_favorites", 0L);
        assertThat(stats.user("bob", false)).containsEntry("public_generations", 1L);
        assertThat(stats.privateCount("bob")).as("pending and rejected are the owner's public wish").isZero();

        RadioStore radio = new RadioStore(db);
        assertThat(radio.random(null, List.of(), Set.of(), 50, new java.util.Random(1))).extracting(Generation::id)
                .containsExactly("ok");
        assertThat(radio.topRated(null)).extracting(Generation::id).containsExactly("ok");
        assertThat(radio.newest(null, t.minusSeconds(3600))).extracting(Generation::id).containsExactly("ok");
        assertThat(radio.trending(null, t.minusSeconds(3600))).extracting(Generation::id).containsExactly("ok");
        assertThat(radio.favorites("carol", null)).isEmpty();
        assertThat(radio.matching(Fts5Query.parse("jazz").orElseThrow(), null)).extracting(Generation::id)
                .containsExactly("ok");
        assertThat(new FavoriteStore(db).list(Caller.user("carol", "free"), 1, 10).total()).isZero();

        LibraryQuery byUser = new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, "bob", null);
        assertThat(repository.list(byUser).items()).extracting(Generation::id).containsExactly("ok");
        LibraryQuery asBob = new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, "bob", null,
                Caller.user("bob", "free"), null, null, null);
        assertThat(repository.list(asBob).items()).extracting(Generation::id).containsExactly("no", "wait", "ok");
        assertThat(repository.findVisible("wait", Caller.user("carol", "free"))).isEmpty();
        assertThat(repository.findVisible("wait", Caller.admin("root"))).isPresent();
    }

    @Test
    void privateStorageProtectsFavoritesAndCleansUpOldestFirst() {
        for (int i = 0; i < 5; i++) {
            ingestor.ingest(event("s" + i, "sam", false, "clip " + i, NOW.minusSeconds(100 - i)));
        }
        ingestor.ingest(event("pub", "sam", true, "public clip", NOW.minusSeconds(500)));
        new FavoriteStore(db).add("sam", "s0", NOW);
        new FavoriteStore(db).add("other", "s1", NOW);
        PrivateStorageStore storage = new PrivateStorageStore(db);

        assertThat(storage.usage("sam")).isEqualTo(new PrivateStorageStore.Usage(5, 1));
        assertThat(storage.oldestUnprotected("sam", 2)).containsExactly("s1", "s2");
        assertThat(storage.oldestUnprotected("sam", 0)).isEmpty();
        assertThat(storage.oldestUnprotected("sam", 100)).containsExactly("s1", "s2", "s3", "s4");
        // chosen, then favorited (s2) or made public (s3) before the delete ran: both stay
        new FavoriteStore(db).add("sam", "s2", NOW);
        store.setOwnerVisibility("s3", true, new ModerationPolicy(false), NOW);
        assertThat(store.deleteAll(List.of("s1", "s2", "s3"), "sam", NOW, PrivateStorageStore.UNPROTECTED_PRIVATE))
                .extracting(Generation::id).containsExactly("s1");
        assertThat(repository.findById("s2")).isPresent();
        assertThat(repository.findById("s3")).isPresent();
    }

    @Test
    void filesAreFoundByAudioOrSpectrogramNameAndDownloadsAreCounted() {
        ingestor.ingest(new AudioCreated(SchemaVersion.CURRENT, "f1", "f1", "f1.wav", AudioKind.MUSIC, "music", "x",
                1.0, 32000, "bob", false, 80, "f1_spec.png", null, false, List.of(), NOW));
        FileLookupStore files = new FileLookupStore(db);
        assertThat(files.findByFile("f1.wav")).map(Generation::id).contains("f1");
        assertThat(files.findByFile("f1_spec.png")).map(Generation::id).contains("f1");
        assertThat(files.findByFile("nothing.wav")).isEmpty();
        assertThat(files.countDownload("f1")).contains(1L);
        assertThat(files.countDownload("f1")).contains(2L);
        assertThat(files.countDownload("nope")).isEmpty();
        assertThat(repository.findById("f1").orElseThrow().downloadCount()).isEqualTo(2);
    }

    @Test
    void sourcesCountPublicItemsOnlyAndFilterTheLibrary() {
        ModerationPolicy off = new ModerationPolicy(false);
        GenerationIngestor plain = new GenerationIngestor(new Categorizer(CategoryCatalog.loadDefault()), repository,
                Clock.fixed(NOW, ZoneOffset.UTC), off);
        plain.ingest(event("a", "bob", true, "forest one", NOW.minusSeconds(3)));
        plain.ingest(event("b", "bob", true, "forest two", NOW.minusSeconds(2)));
        plain.ingest(event("c", "bob", false, "forest secret", NOW.minusSeconds(1)));
        plain.ingest(event("d", "bob", true, "sea", NOW));
        SourceStore sources = new SourceStore(db);

        assertThat(sources.setSource(List.of("a", "b", "c", "nope"), "forest", NOW)).containsExactly("a", "b", "c");
        assertThat(sources.setSource(List.of("a"), "forest", NOW)).as("no change").isEmpty();
        sources.setSource(List.of("d"), "sea_pack", NOW);
        assertThat(sources.publicCounts()).isEqualTo(Map.of("forest", 2L, "sea_pack", 1L));
        assertThat(sources.publicCount("forest")).isEqualTo(2);
        LibraryQuery forest = new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, null, null, Caller.anonymous(),
                null, null, null, "forest");
        assertThat(repository.list(forest).items()).extracting(Generation::id).containsExactly("b", "a");
        assertThat(repository.findById("a").orElseThrow().source()).isEqualTo("forest");
        assertThat(sources.setSource(List.of("d"), null, NOW)).containsExactly("d");
        assertThat(sources.publicCounts()).containsOnlyKeys("forest");
    }

    static AudioCreated event(String id, String user, boolean isPublic, String prompt, Instant createdAt) {
        return new AudioCreated(SchemaVersion.CURRENT, id, id, id + ".wav", AudioKind.MUSIC, "music", prompt, 4.0,
                32000, user, isPublic, 80, id + ".png", null, false, List.of(), createdAt);
    }

    /** One value of a query on the test database. */
    static final class MigratorQueries {
        static void exec(TestDatabase db, String sql) {
            try (var c = db.getConnection(); var s = c.createStatement()) {
                s.executeUpdate(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        static String one(TestDatabase db, String sql) {
            try (var c = db.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
