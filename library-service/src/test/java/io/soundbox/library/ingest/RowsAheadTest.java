package io.soundbox.library.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.Generation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class RowsAheadTest {
    private static final Instant NOW = Instant.parse("2024-06-01T10:00:00Z");
    private final GenerationIngestor ingestor = new GenerationIngestor(
            new io.soundbox.library.domain.Categorizer(io.soundbox.library.domain.CategoryCatalog.loadDefault()),
            null);

    private static List<AudioCreated> events(int n) {
        List<AudioCreated> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(GenerationIngestorTest.event("e" + i, "e" + i + ".wav", AudioKind.SFX, "audio", "rain " + i));
        }
        return out;
    }

    @Test
    void aLargeBatchIsConvertedOnTheHelperThreadInOrder() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        int n = RowsAhead.MIN_ROWS + RowsAhead.CHUNK * 3 + 1;
        List<Generation> rows = RowsAhead.of(events(n), (e, now) -> {
            threads.add(Thread.currentThread().getName());
            return ingestor.toRow(e, now);
        }, NOW);

        assertThat(rows).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(rows.get(i).id()).isEqualTo("e" + i);
        }
        assertThat(rows.get(n - 1).prompt()).isEqualTo("rain " + (n - 1));
        assertThat(threads).containsExactly("library-row-converter");
        assertThatThrownBy(() -> rows.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSmallBatchIsConvertedOnTheCallersThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Generation> rows = RowsAhead.of(events(RowsAhead.MIN_ROWS - 1), (e, now) -> {
            threads.add(Thread.currentThread().getName());
            return ingestor.toRow(e, now);
        }, NOW);

        assertThat(rows).hasSize(RowsAhead.MIN_ROWS - 1);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aConversionFailureSurfacesWhenItsRowIsRead() {
        int n = RowsAhead.MIN_ROWS + RowsAhead.CHUNK;
        List<Generation> rows = RowsAhead.of(events(n), (e, now) -> {
            if (e.generationId().equals("e" + (n - 1))) {
                throw new IllegalStateException("broken categoriser");
            }
            return ingestor.toRow(e, now);
        }, NOW);

        assertThat(rows.get(0).id()).isEqualTo("e0");
        assertThatThrownBy(() -> rows.get(n - 1)).isInstanceOf(CompletionException.class)
                .hasRootCauseMessage("broken categoriser");
    }
}
