package io.soundbox.library;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a value appears or a bounded time passes (Kafka consumption is asynchronous). */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Duration timeout, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null) {
                    return value;
                }
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        AssertionError timedOut = new AssertionError("not within " + timeout + ": " + what);
        if (last != null) {
            timedOut.initCause(last);
        }
        throw timedOut;
    }
}
