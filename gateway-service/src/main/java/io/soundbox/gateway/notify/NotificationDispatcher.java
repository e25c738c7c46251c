package io.soundbox.gateway.notify;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sends notifications on a thread of its own, so a job never waits for the accounts service: a bounded
 * queue (a full queue drops the newest notification with a warning), and each notification tried up
 * to {@code maxAttempts} times with exponential backoff when the failure is retryable.
 */
public final class NotificationDispatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NotificationDispatcher.class);

    private final NotificationClient client;
    private final BlockingQueue<Notification> queue;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Thread worker;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    public NotificationDispatcher(NotificationClient client, int capacity, int maxAttempts, Duration initialBackoff) {
        this.client = client;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.initialBackoff = initialBackoff;
        this.worker = new Thread(this::run, "soundbox-notifications");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues a notification without ever blocking; false when the queue is full (it is dropped). */
    public boolean offer(Notification n) {
        if (queue.offer(n)) {
            return true;
        }
        dropped.incrementAndGet();
        LOG.warnf("Notification queue full: dropped %s for user %s", n.type(), n.userId());
        return false;
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (running) {
            Notification n;
            try {
                n = queue.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (n != null) {
                deliver(n);
            }
        }
    }

    private void deliver(Notification n) {
        long backoff = initialBackoff.toMillis();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                client.send(n);
                delivered.incrementAndGet();
                return;
            } catch (NotificationClient.Failure e) {
                if (!e.retryable() || attempt == maxAttempts) {
                    failed.incrementAndGet();
                    LOG.warnf("Notification %s for user %s not delivered after %d attempt(s): %s", n.type(),
                            n.userId(), attempt, e.getMessage());
                    return;
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.errorf(e, "Notification %s for user %s failed", n.type(), n.userId());
                return;
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 60_000);
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
