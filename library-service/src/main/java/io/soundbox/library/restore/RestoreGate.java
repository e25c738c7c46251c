package io.soundbox.library.restore;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Keeps the library's writers out while a restore swaps the database. Writers (a consumer batch, an HTTP
 * request that changes something) hold a read stamp for their duration; a restore takes the write stamp,
 * which waits for those in flight. A StampedLock because an HTTP request takes its stamp in one filter
 * and gives it back in another, possibly on a different thread.
 */
@ApplicationScoped
public class RestoreGate {
    private final StampedLock lock = new StampedLock();
    private volatile boolean restoring;

    /** For a writer that must not be refused (the Kafka consumer): waits while a restore runs. */
    public long enterWaiting() {
        return lock.readLock();
    }

    /** For an HTTP write: 0 while a restore runs (the caller answers 503), else a stamp to hand back. */
    public long tryEnter() {
        return restoring ? 0L : lock.tryReadLock();
    }

    public void leave(long stamp) {
        lock.unlockRead(stamp);
    }

    /**
     * Closes the gate: new HTTP writes are refused at once, the consumer waits, and this returns once the
     * writers in flight are done (0 when they did not finish within {@code wait}: the gate stays open).
     */
    long close(Duration wait) throws InterruptedException {
        restoring = true;
        long stamp = lock.tryWriteLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (stamp == 0L) {
            restoring = false;
        }
        return stamp;
    }

    void open(long stamp) {
        restoring = false;
        lock.unlockWrite(stamp);
    }

    public boolean restoring() {
        return restoring;
    }
}
