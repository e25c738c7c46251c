package io.soundbox.gateway.files;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Recent library answers about file names, so playing a public file costs no HTTP call once its
 * answer is here. Bounded; a known file's answer is reused for {@code knownTtl} (a file made private
 * or rejected stays served that long), an unknown one's only for {@code unknownTtl} (it may be
 * ingested any moment). Concurrent misses for one name share one lookup. A lookup that fails (the
 * library is down) caches nothing and its exception reaches the caller. Thread-safe.
 *
 * <p>Entries are futures, and the thread that put one in does the lookup outside the map: a slow
 * library then blocks only the callers of that name, not other names hashed next to it (a
 * synchronous {@code Cache.get} would hold the map's bin lock during the HTTP call).
 */
public final class FileVisibilityCache {
    private final AsyncCache<String, FileLookup> answers;
    private final Function<String, FileLookup> lookup;

    public FileVisibilityCache(Function<String, FileLookup> lookup, long maxSize, Duration knownTtl,
                               Duration unknownTtl) {
        this(lookup, maxSize, knownTtl, unknownTtl, Ticker.systemTicker());
    }

    FileVisibilityCache(Function<String, FileLookup> lookup, long maxSize, Duration knownTtl, Duration unknownTtl,
                        Ticker ticker) {
        this.lookup = lookup;
        long known = knownTtl.toNanos();
        long unknown = unknownTtl.toNanos();
        this.answers = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new Expiry<String, FileLookup>() {
                    @Override
                    public long expireAfterCreate(String key, FileLookup value, long currentTime) {
                        return value instanceof FileLookup.Known ? known : unknown;
                    }

                    @Override
                    public long expireAfterUpdate(String key, FileLookup value, long currentTime,
                                                  long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, FileLookup value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
    }

    /** Blocking on a miss (the lookup is an HTTP call): call from worker threads. */
    public FileLookup get(String name) {
        CompletableFuture<FileLookup> mine = new CompletableFuture<>();
        CompletableFuture<FileLookup> theirs = answers.asMap().putIfAbsent(name, mine);
        if (theirs != null) {
            return join(theirs);
        }
        try {
            mine.complete(lookup.apply(name));
        } catch (RuntimeException e) {
            // A failed future leaves the cache by itself; whoever waits on it gets the same error.
            mine.completeExceptionally(e);
            throw e;
        }
        return mine.join();
    }

    private static FileLookup join(CompletableFuture<FileLookup> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Drops a name's answer, e.g. when its visibility just changed through this gateway. */
    public void forget(String name) {
        answers.synchronous().invalidate(name);
    }

    /**
     * Drops every answer about one generation's files (audio and spectrogram), e.g. when library-service
     * announces that its visibility changed or that it was deleted: the next request asks again instead of
     * serving the old answer until it expires. Scans the bounded cache; such events are rare.
     */
    public void forgetGeneration(String generationId) {
        answers.synchronous().asMap().entrySet().removeIf(e -> e.getValue() instanceof FileLookup.Known known
                && generationId.equals(known.info().id()));
    }

    public long size() {
        answers.synchronous().cleanUp();
        return answers.synchronous().estimatedSize();
    }
}
