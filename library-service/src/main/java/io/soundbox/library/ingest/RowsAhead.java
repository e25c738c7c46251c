package io.soundbox.library.ingest;

import io.soundbox.events.AudioCreated;
import io.soundbox.library.domain.Generation;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a large batch, converted (categorised) on a helper thread a chunk at a time while the
 * writer stores the chunks before: the single SQLite writer is the bottleneck of a bulk load, and this
 * takes the Java side of each row (about a twentieth of its cost) off its thread. Reading a row waits for
 * its chunk. Small batches, the steady state, convert on the caller's thread.
 */
final class RowsAhead extends AbstractList<Generation> {
    /** Below this a batch is converted in place: a hand-off would cost more than it saves. */
    static final int MIN_ROWS = 1_000;
    static final int CHUNK = 250;

    /** One daemon thread for the JVM, with room for a few batches' chunks; beyond that callers convert. */
    private static final ExecutorService CONVERTER = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), r -> {
                Thread t = new Thread(r, "library-row-converter");
                t.setDaemon(true);
                return t;
            });

    static {
        ((ThreadPoolExecutor) CONVERTER).allowCoreThreadTimeOut(true);
    }

    /** Converts one valid event; must be thread-safe. */
    interface Converter {
        Generation toRow(AudioCreated event, Instant now);
    }

    private final List<CompletableFuture<List<Generation>>> chunks;
    private final int size;

    private RowsAhead(List<CompletableFuture<List<Generation>>> chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    static List<Generation> of(List<AudioCreated> events, Converter converter, Instant now) {
        if (events.size() < MIN_ROWS) {
            return convert(events, converter, now);
        }
        List<CompletableFuture<List<Generation>>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); from += CHUNK) {
            List<AudioCreated> part = events.subList(from, Math.min(events.size(), from + CHUNK));
            CompletableFuture<List<Generation>> chunk;
            try {
                chunk = CompletableFuture.supplyAsync(() -> convert(part, converter, now), CONVERTER);
            } catch (RejectedExecutionException full) {
                chunk = CompletableFuture.completedFuture(convert(part, converter, now));
            }
            chunks.add(chunk);
        }
        return new RowsAhead(chunks, events.size());
    }

    private static List<Generation> convert(List<AudioCreated> events, Converter converter, Instant now) {
        List<Generation> rows = new ArrayList<>(events.size());
        for (AudioCreated e : events) {
            rows.add(converter.toRow(e, now));
        }
        return rows;
    }

    @Override
    public Generation get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        // join() rethrows a conversion failure unchecked (CompletionException around the cause)
        return chunks.get(index / CHUNK).join().get(index % CHUNK);
    }

    @Override
    public int size() {
        return size;
    }
}
