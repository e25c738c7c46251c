package io.soundbox.library.radio;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Samples;
import io.soundbox.library.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadioStoreTest {
    @TempDir
    Path dir;
    RadioStore store;

    @BeforeEach
    void setUp() {
        TestDatabase db = TestDatabase.migrated(dir);
        GenerationRepository repo = new GenerationRepository(db);
        for (int i = 0; i < 20; i++) {
            repo.upsert(Samples.generation("m" + i, "tune " + i, AudioKind.MUSIC, List.of(i % 2 == 0 ? "lofi" : "rock"),
                    true, Samples.T0.plusSeconds(i)));
        }
        for (int i = 0; i < 5; i++) {
            repo.upsert(Samples.generation("secret" + i, "hidden", AudioKind.MUSIC, List.of("lofi"), false,
                    Samples.T0));
        }
        repo.upsert(Samples.generation("s0", "rain", AudioKind.SFX, List.of("rain"), true, Samples.T0));
        store = new RadioStore(db);
    }

    @Test
    void randomPicksArePublicDistinctAndAvoidTheExcluded() {
        Set<String> excluded = Set.of("m0", "m1", "m2");
        for (int run = 0; run < 20; run++) {
            List<Generation> picks = store.random(AudioKind.MUSIC, List.of(), excluded, 5, new Random(run));
            assertThat(picks).hasSize(5).allMatch(Generation::isPublic)
                    .allMatch(g -> g.kind() == AudioKind.MUSIC).noneMatch(g -> excluded.contains(g.id()));
            assertThat(new HashSet<>(picks.stream().map(Generation::id).toList())).hasSize(5);
        }
    }

    @Test
    void categoryPicksCarryTheCategory() {
        List<Generation> picks = store.random(null, List.of("lofi"), Set.of(), 10, new Random(1));
        assertThat(picks).hasSize(10).allMatch(g -> g.categories().contains("lofi")).allMatch(Generation::isPublic);
    }

    @Test
    void aSearchStationMatchesTheTextNotTheOwnerTokens() {
        // every sample belongs to user-1, whose index token is u757365722d31
        assertThat(store.matching(io.soundbox.library.search.Fts5Query.parse("u75").orElseThrow(), null)).isEmpty();
        assertThat(store.matching(io.soundbox.library.search.Fts5Query.parse("tun").orElseThrow(), AudioKind.MUSIC))
                .hasSize(20).allMatch(Generation::isPublic);
        assertThat(store.matching(io.soundbox.library.search.Fts5Query.parse("rain").orElseThrow(), null))
                .extracting(Generation::id).containsExactly("s0");
    }

    @Test
    void aSessionIsNotGivenTheSameTrackAgainUntilTheStationIsExhausted() {
        RadioService radio = new RadioService(store, new ListenerHistory(10, 50), Clock.systemUTC());
        RadioStation lofi = RadioStation.parse("lofi").orElseThrow();
        Set<String> heard = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            List<Generation> next = radio.next(new RadioService.Request(lofi, null, null, 24, "s:1", Set.of(), 2),
                    Caller.anonymous());
            assertThat(next).hasSize(2);
            for (Generation g : next) {
                assertThat(heard.add(g.id())).as("repeat of " + g.id()).isTrue();
            }
        }
        assertThat(heard).hasSize(10); // every public lofi track once
        assertThat(radio.next(new RadioService.Request(lofi, null, null, 24, "s:1", Set.of(), 2), Caller.anonymous()))
                .as("the rotation starts over").hasSize(2);
    }
}
