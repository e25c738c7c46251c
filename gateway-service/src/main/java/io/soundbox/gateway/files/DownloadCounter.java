package io.soundbox.gateway.files;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Tells the library about downloads without delaying them: each count goes on a bounded queue that a
 * few daemon threads drain. A full queue drops the count (a download is never made to wait for a
 * statistic) and counts the drop. Thread-safe; {@link #record} never blocks.
 */
public final class DownloadCounter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DownloadCounter.class);

    /** One download of a library item, counted as {@code internalToken}'s (null: anonymous). */
    public record Download(String generationId, String internalToken) {
    }

    private final ThreadPoolExecutor executor;
    private final Consumer<Download> sender;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public DownloadCounter(Consumer<Download> sender, int threads, int capacity) {
        this.sender = sender;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity), r -> {
                    Thread t = new Thread(r, "download-counter-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Queues the count; returns false when it was dropped because the queue is full. */
    public boolean record(Download download) {
        try {
            executor.execute(() -> send(download));
            return true;
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
            return false;
        }
    }

    private void send(Download download) {
        try {
            sender.accept(download);
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.debugf("Download of %s not counted: %s", download.generationId(), e.getMessage());
        }
    }

    public long dropped() {
        return dropped.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Counts still waiting to be sent. */
    public int queued() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
