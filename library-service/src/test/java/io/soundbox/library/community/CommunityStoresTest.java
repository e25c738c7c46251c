package io.soundbox.library.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Samples;
import io.soundbox.library.persistence.TestDatabase;
import io.soundbox.library.playlist.PlaylistStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The community tables on a real SQLite file migrated to the current schema. */
class CommunityStoresTest {
    private static final Instant T = Samples.T0;

    @TempDir
    Path dir;
    TestDatabase db;
    GenerationRepository generations;

    @BeforeEach
    void setUp() {
        db = TestDatabase.migrated(dir);
        generations = new GenerationRepository(db);
        generations.upsert(Samples.music("g1", "calm piano", List.of("piano"), T));
        generations.upsert(Samples.generation("g2", "rain", AudioKind.SFX, List.of("rain"), true, T));
    }

    @Test
    void oneVotePerUserThatCanChangeAndBeRemoved() {
        VoteStore votes = new VoteStore(db);
        assertThat(votes.vote("g1", "alice", VoteRequest.of(1, List.of("catchy"), null, null), T))
                .isEqualTo(new VoteStore.Tally(1, 0, 1));
        assertThat(votes.vote("g1", "alice", VoteRequest.of(1, List.of(), null, null), T)).isEqualTo(
                new VoteStore.Tally(1, 0, 1));
        assertThat(votes.vote("g1", "bob", VoteRequest.of(-1, List.of("too_repetitive", "bad_loop"), "meh", null), T))
                .isEqualTo(new VoteStore.Tally(1, 1, -1));
        assertThat(votes.vote("g1", "alice", VoteRequest.of(-1, List.of("too_repetitive"), null, null), T))
                .isEqualTo(new VoteStore.Tally(0, 2, -1));
        assertThat(votes.feedback("g1").get("negative")).containsEntry("too_repetitive", 2L).containsEntry("bad_loop", 1L);
        assertThat(votes.vote("g1", "alice", VoteRequest.of(0, null, null, null), T)).isEqualTo(
                new VoteStore.Tally(0, 1, 0));
        assertThat(votes.votesOf("bob", List.of("g1", "g2"))).containsExactly(java.util.Map.entry("g1", -1));
        assertThat(generations.findById("g1").orElseThrow().downvotes()).isEqualTo(1);
        assertThat(votes.history("bob", 10)).extracting(VoteStore.VoteRecord::generationId).containsExactly("g1");
    }

    @Test
    void voteRequestsAreChecked() {
        assertThatThrownBy(() -> VoteRequest.of(2, null, null, null)).hasMessageContaining("-1, 0 or 1");
        assertThatThrownBy(() -> VoteRequest.of(null, null, null, null)).hasMessageContaining("-1, 0 or 1");
        assertThatThrownBy(() -> VoteRequest.of(1, java.util.Collections.nCopies(11, "x"), null, null))
                .hasMessageContaining("at most 10");
        assertThatThrownBy(() -> VoteRequest.of(1, List.of("x".repeat(51)), null, null)).hasMessageContaining("1-50");
        assertThatThrownBy(() -> VoteRequest.of(1, List.of("'; DROP"), null, null)).hasMessageContaining("letters");
        assertThatThrownBy(() -> VoteRequest.of(-1, null, "n".repeat(1001), null)).hasMessageContaining("1000");
        assertThat(VoteRequest.of(0, List.of("catchy"), "notes", "music")).isEqualTo(new VoteRequest(0, List.of(), null, null));
    }

    @Test
    void favoritesHideItemsTheUserCanNoLongerSee() {
        FavoriteStore favorites = new FavoriteStore(db);
        assertThat(favorites.add("alice", "g1", T)).isTrue();
        assertThat(favorites.add("alice", "g1", T)).isFalse();
        assertThat(favorites.add("alice", "g2", T.plusSeconds(1))).isTrue();
        assertThat(favorites.list(Caller.user("alice", "free"), 1, 10).items()).extracting(g -> g.id())
                .containsExactly("g2", "g1");
        new io.soundbox.library.moderation.ModerationStore(db).setOwnerVisibility("g2", false,
                new io.soundbox.library.moderation.ModerationPolicy(false), T); // owned by user-1, not alice
        assertThat(favorites.list(Caller.user("alice", "free"), 1, 10).total()).isEqualTo(1);
        assertThat(favorites.favoritedAmong("alice", List.of("g1", "g2", "nope"))).containsExactlyInAnyOrder("g1", "g2");
        assertThat(favorites.remove("alice", "g1")).isTrue();
        assertThat(favorites.remove("alice", "g1")).isFalse();
        assertThat(favorites.countFor("g2")).isEqualTo(1);
    }

    @Test
    void tagSuggestionsChangeACategoryOnlyWhenEnoughDistinctUsersAgree() {
        TagSuggestionStore tags = new TagSuggestionStore(db);
        TagConsensus three = new TagConsensus(3);
        assertThat(tags.suggest("g1", "a", "jazz", TagConsensus.Action.ADD, three, T).applied()).isFalse();
        // the same user again does not count twice
        assertThat(tags.suggest("g1", "a", "jazz", TagConsensus.Action.ADD, three, T).agreeing()).isEqualTo(1);
        assertThat(tags.suggest("g1", "b", "jazz", TagConsensus.Action.ADD, three, T).applied()).isFalse();
        assertThat(tags.open("g1", "b")).containsExactly(new TagSuggestionStore.SuggestionCount("jazz", "add", 2, true));
        assertThat(tags.cancel("g1", "b", "jazz")).isTrue();
        assertThat(tags.suggest("g1", "b", "jazz", TagConsensus.Action.ADD, three, T).applied()).isFalse();
        TagSuggestionStore.SuggestionResult third = tags.suggest("g1", "c", "jazz", TagConsensus.Action.ADD, three, T);
        assertThat(third.applied()).isTrue();
        assertThat(third.categories()).containsExactly("piano", "jazz");
        assertThat(generations.findById("g1").orElseThrow().categories()).containsExactly("piano", "jazz");
        assertThat(tags.open("g1", null)).isEmpty();
        // the category is searchable and filterable at once (FTS and category triggers)
        LibraryQuery byCategory = new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, null, "jazz");
        assertThat(generations.list(byCategory).items()).extracting(g -> g.id()).containsExactly("g1");

        for (String user : List.of("a", "b", "c")) {
            tags.suggest("g1", user, "piano", TagConsensus.Action.REMOVE, three, T);
        }
        assertThat(generations.findById("g1").orElseThrow().categories()).containsExactly("jazz");
        assertThat(generations.list(new LibraryQuery(1, 10, null, null, LibrarySort.RECENT, null, "piano")).total())
                .isZero();
    }

    @Test
    void rapidRepeatPlaysAreNotCounted() {
        PlayStore plays = new PlayStore(db);
        Duration window = Duration.ofSeconds(30);
        assertThat(plays.record("g1", null, "s:abc", "radio", 3.0, T, window))
                .isEqualTo(new PlayStore.PlayResult(true, 1, 1));
        assertThat(plays.record("g1", null, "s:abc", "radio", 3.0, T.plusSeconds(10), window).counted()).isFalse();
        assertThat(plays.record("g1", "bob", "u:bob", "library", null, T.plusSeconds(10), window))
                .isEqualTo(new PlayStore.PlayResult(true, 2, 2));
        assertThat(plays.record("g1", null, "s:abc", "radio", 3.0, T.plusSeconds(31), window))
                .isEqualTo(new PlayStore.PlayResult(true, 3, 2));
        assertThat(plays.record("g1", null, null, "embed", null, T.plusSeconds(31), window).counted()).isTrue();
        assertThat(plays.record("g1", null, null, "embed", null, T.plusSeconds(31), window).counted()).isTrue();
        assertThat(generations.findById("g1").orElseThrow().playCount()).isEqualTo(5);
        assertThat(plays.bySource("g1")).containsEntry("radio", 2L).containsEntry("embed", 2L).containsEntry("library", 1L);
        assertThat(plays.history("bob", 10)).extracting(PlayStore.PlayRecord::source).containsExactly("library");
    }

    @Test
    void playlistsKeepTheirOrder() {
        PlaylistStore playlists = new PlaylistStore(db);
        var p = playlists.create("alice", "mix", "", false, T);
        assertThat(playlists.addTrack(p.id(), "g1", T)).isTrue();
        assertThat(playlists.addTrack(p.id(), "g2", T)).isTrue();
        assertThat(playlists.addTrack(p.id(), "g2", T)).isFalse();
        assertThat(playlists.tracks(p.id(), Caller.user("alice", "free"))).extracting(g -> g.id()).containsExactly("g1", "g2");
        playlists.reorder(p.id(), List.of("g2", "g1"), T);
        assertThat(playlists.tracks(p.id(), Caller.anonymous())).extracting(g -> g.id()).containsExactly("g2", "g1");
        assertThatThrownBy(() -> playlists.reorder(p.id(), List.of("g2"), T))
                .isInstanceOf(PlaylistStore.TrackChangeException.class);
        assertThatThrownBy(() -> playlists.reorder(p.id(), List.of("g2", "g2"), T))
                .isInstanceOf(PlaylistStore.TrackChangeException.class);
        assertThat(playlists.removeTrack(p.id(), "g2", T)).isTrue();
        assertThat(playlists.find(p.id()).orElseThrow().trackCount()).isEqualTo(1);
        playlists.update(p.id(), "renamed", null, true, T);
        assertThat(playlists.find(p.id()).orElseThrow()).satisfies(pl -> {
            assertThat(pl.name()).isEqualTo("renamed");
            assertThat(pl.isPublic()).isTrue();
        });
        assertThat(playlists.ownedBy("alice")).hasSize(1);
        assertThat(playlists.delete(p.id())).isTrue();
        assertThat(playlists.find(p.id())).isEmpty();
    }

    @Test
    void deletingAGenerationRemovesEverythingThatNamesItAndAReplayDoesNotBringItBack() throws Exception {
        new VoteStore(db).vote("g1", "alice", VoteRequest.of(1, null, null, null), T);
        new FavoriteStore(db).add("alice", "g1", T);
        new PlayStore(db).record("g1", null, "s:x", "radio", null, T, Duration.ofSeconds(1));
        new TagSuggestionStore(db).suggest("g1", "alice", "jazz", TagConsensus.Action.ADD, new TagConsensus(3), T);
        PlaylistStore playlists = new PlaylistStore(db);
        var p = playlists.create("alice", "mix", "", false, T);
        playlists.addTrack(p.id(), "g1", T);

        assertThat(generations.delete("g1", "user-1", T)).isPresent();

        for (String table : List.of("votes", "favorites", "play_events", "tag_suggestions", "playlist_tracks")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE generation_id = 'g1'")).as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM generation_categories gc WHERE gc.category = 'piano'")).isZero();
        assertThat(count("SELECT count(*) FROM generations_fts WHERE generations_fts MATCH 'calm'")).isZero();
        assertThat(generations.upsertAll(List.of(Samples.music("g1", "calm piano", List.of("piano"), T))))
                .containsExactly(GenerationRepository.Outcome.DELETED_BEFORE);
        assertThat(generations.findById("g1")).isEmpty();
        assertThat(generations.delete("g1", "user-1", T)).isEmpty();
    }

    @Test
    void upsertSaysWhetherItInsertedUpdatedOrChangedNothing() {
        var first = Samples.music("g3", "x", List.of(), T);
        assertThat(generations.upsertAll(List.of(first, first))).containsExactly(
                GenerationRepository.Outcome.INSERTED, GenerationRepository.Outcome.UNCHANGED);
        var retried = new io.soundbox.library.domain.Generation("g3", "g3-retry.wav", "x", "music", AudioKind.MUSIC, 8, 32000,
                List.of(), "user-1", true, false, 0, 0, 0, 0, 90, null, null, T, T);
        assertThat(generations.upsertAll(List.of(retried))).containsExactly(GenerationRepository.Outcome.UPDATED);
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
