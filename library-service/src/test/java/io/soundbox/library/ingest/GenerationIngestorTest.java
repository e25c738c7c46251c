package io.soundbox.library.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.library.domain.Categorizer;
import io.soundbox.library.domain.CategoryCatalog;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationIngestorTest {
    static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    @TempDir
    Path dir;
    GenerationRepository repository;
    GenerationIngestor ingestor;

    @BeforeEach
    void setUp() {
        repository = new GenerationRepository(TestDatabase.migrated(dir));
        ingestor = new GenerationIngestor(new Categorizer(CategoryCatalog.loadDefault()), repository,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesAnEventWithCategoriesAndIsIdempotent() {
        AudioCreated e = event("g1", "g1.wav", AudioKind.MUSIC, "music", "gentle rainy lofi piano");

        assertThat(ingestor.ingest(e)).isTrue();
        assertThat(ingestor.ingest(e)).isFalse();

        Generation g = repository.findById("g1").orElseThrow();
        assertThat(g.categories()).startsWith("lofi");
        assertThat(g.createdAt()).isEqualTo(Instant.parse("2024-05-31T09:00:00Z"));
        assertThat(g.updatedAt()).isEqualTo(NOW);
        assertThat(g.isPublic()).isTrue();
        assertThat(g.qualityScore()).isEqualTo(77);
    }

    @Test
    void missingModelAndTimeGetTheOriginalsDefaults() {
        AudioCreated speech = new AudioCreated(SchemaVersion.CURRENT, "s1", null, "s1.wav", AudioKind.SPEECH, " ",
                "Hello there", 1.5, 22050, null, true, 150, null, "en_GB-alan-medium", false, null, null);
        ingestor.ingest(speech);

        Generation g = repository.findById("s1").orElseThrow();
        assertThat(g.model()).isEqualTo("voice");
        assertThat(g.createdAt()).isEqualTo(NOW);
        assertThat(g.qualityScore()).isEqualTo(100);
        assertThat(g.categories()).containsExactly("british", "greeting");
        assertThat(g.userId()).isNull();
    }

    @Test
    void eventsThatCanNeverBeServedAreRejected() {
        for (String filename : List.of("../etc/passwd", "a/b.wav", "..", "", "x y.wav", "a\u0000.wav")) {
            assertThatThrownBy(() -> ingestor.ingest(event("g2", filename, AudioKind.SFX, "audio", "boom")))
                    .as(filename).isInstanceOf(InvalidEventException.class);
        }
        assertThatThrownBy(() -> ingestor.ingest(event(" ", "a.wav", AudioKind.SFX, "audio", "boom")))
                .isInstanceOf(InvalidEventException.class);
        AudioCreated nan = new AudioCreated(1, "g3", null, "g3.wav", AudioKind.SFX, "audio", "x", Double.NaN, 1,
                null, true, null, null, null, false, null, null);
        assertThatThrownBy(() -> ingestor.ingest(nan)).isInstanceOf(InvalidEventException.class);
        assertThat(repository.findById("g2")).isEmpty();
    }

    @Test
    void aBatchIsStoredInOrderWithEveryEventReported() {
        List<AudioCreated> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) { // more rows than one statement takes
            batch.add(event("b" + i, "b" + i + ".wav", AudioKind.SFX, "audio", "rain drop " + i));
        }
        batch.set(17, event("bad", "../etc/passwd", AudioKind.SFX, "audio", "never stored"));
        // the same generation twice in one batch: the later event (a retried file) wins
        batch.set(40, event("b5", "b5-retry.wav", AudioKind.SFX, "audio", "rain drop 5"));

        List<GenerationIngestor.Stored> stored = ingestor.storeEach(batch);

        assertThat(stored).hasSize(250);
        assertThat(stored.get(17).rejected()).isTrue();
        assertThat(stored.get(17).rejection()).contains("../etc/passwd");
        assertThat(stored.get(5).outcome()).isEqualTo(GenerationRepository.Outcome.INSERTED);
        assertThat(stored.get(40).outcome()).isEqualTo(GenerationRepository.Outcome.UPDATED);
        assertThat(stored.stream().filter(s -> s.outcome() == GenerationRepository.Outcome.INSERTED)).hasSize(248);
        assertThat(repository.findById("b5").orElseThrow().filename()).isEqualTo("b5-retry.wav");
        assertThat(repository.findById("bad")).isEmpty();
        assertThat(repository.findById("b249").orElseThrow().prompt()).isEqualTo("rain drop 249");
        assertThat(repository.list(new io.soundbox.library.domain.LibraryQuery(1, 1, null,
                io.soundbox.library.search.Fts5Query.parse("drop").orElseThrow(),
                io.soundbox.library.domain.LibrarySort.RELEVANCE, null, null)).total()).isEqualTo(248);
    }

    @Test
    void aRedeliveredBatchChangesNothingAndDoesNotBringBackDeletedItems() {
        List<AudioCreated> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            batch.add(event("r" + i, "r" + i + ".wav", AudioKind.MUSIC, "music", "lofi piano " + i));
        }
        ingestor.storeEach(batch);
        repository.delete("r3", "u1", NOW);

        List<GenerationIngestor.Stored> again = ingestor.storeEach(batch);

        assertThat(again.get(3).outcome()).isEqualTo(GenerationRepository.Outcome.DELETED_BEFORE);
        assertThat(again).filteredOn(s -> s.outcome() == GenerationRepository.Outcome.UNCHANGED).hasSize(119);
        assertThat(repository.findById("r3")).isEmpty();
        assertThat(repository.list(new io.soundbox.library.domain.LibraryQuery(1, 1, null, null,
                io.soundbox.library.domain.LibrarySort.RECENT, null, null)).total()).isEqualTo(119);
    }

    @Test
    void aLargeBatchIsConvertedAheadAndStoredInOrder() {
        int n = RowsAhead.MIN_ROWS + 7 * RowsAhead.CHUNK + 13; // converted on the helper thread, many chunks
        List<AudioCreated> batch = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(event("L" + i, "L" + i + ".wav", AudioKind.MUSIC, "music",
                    (i % 2 == 0 ? "lofi piano " : "epic orchestral ") + i));
        }
        batch.set(17, event("bad1", "../x.wav", AudioKind.MUSIC, "music", "never"));
        batch.set(n - 2, event("bad2", "a/b.wav", AudioKind.MUSIC, "music", "never"));
        batch.set(1_100, event("L3", "L3-retry.wav", AudioKind.MUSIC, "music", "lofi piano 3"));

        List<GenerationIngestor.Stored> stored = ingestor.storeEach(batch);

        assertThat(stored).hasSize(n);
        assertThat(stored.get(17).rejected()).isTrue();
        assertThat(stored.get(n - 2).rejected()).isTrue();
        assertThat(stored.get(3).outcome()).isEqualTo(GenerationRepository.Outcome.INSERTED);
        assertThat(stored.get(1_100).outcome()).isEqualTo(GenerationRepository.Outcome.UPDATED);
        assertThat(stored.get(n - 1).event().generationId()).isEqualTo("L" + (n - 1));
        assertThat(stored).filteredOn(s -> s.outcome() == GenerationRepository.Outcome.INSERTED).hasSize(n - 3);
        assertThat(repository.findById("L3").orElseThrow().filename()).isEqualTo("L3-retry.wav");
        // rows of late chunks carry their own prompt and categories, not a neighbour's
        Generation late = repository.findById("L" + (n - 1)).orElseThrow();
        assertThat(late.prompt()).isEqualTo((n - 1) % 2 == 0 ? "lofi piano " + (n - 1) : "epic orchestral " + (n - 1));
        assertThat(late.categories()).contains((n - 1) % 2 == 0 ? "lofi" : "orchestral");
        assertThat(repository.findById("L" + (n - 3)).orElseThrow().categories())
                .contains((n - 3) % 2 == 0 ? "lofi" : "orchestral");
    }

    @Test
    void aLargeBatchWithAnUnstorableEventStoresNothingThroughStoreAll() {
        List<AudioCreated> batch = new java.util.ArrayList<>();
        for (int i = 0; i < RowsAhead.MIN_ROWS + 500; i++) {
            batch.add(event("A" + i, "A" + i + ".wav", AudioKind.SFX, "audio", "boom " + i));
        }
        batch.set(1_400, event("A1400", "../../a.wav", AudioKind.SFX, "audio", "boom"));

        assertThatThrownBy(() -> ingestor.storeAll(batch)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("../../a.wav");
        assertThat(repository.findById("A0")).isEmpty();
    }

    static AudioCreated event(String id, String filename, AudioKind kind, String model, String prompt) {
        return new AudioCreated(SchemaVersion.CURRENT, id, id, filename, kind, model, prompt, 3.0, 32000, "u1", true,
                77, id + ".png", null, false, List.of(), Instant.parse("2024-05-31T09:00:00Z"));
    }
}
