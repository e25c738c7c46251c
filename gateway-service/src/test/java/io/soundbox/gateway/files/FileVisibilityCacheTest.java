package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FileVisibilityCacheTest {
    private final AtomicLong nanos = new AtomicLong();
    private final List<String> asked = new ArrayList<>();
    private final AtomicBoolean down = new AtomicBoolean();

    private final FileVisibilityCache cache = new FileVisibilityCache(name -> {
        asked.add(name);
        if (down.get()) {
            throw new DownstreamUnavailableException("library-service", "down", null);
        }
        return name.startsWith("new") ? FileLookup.UNKNOWN
                : new FileLookup.Known(new FileInfo("id", name, null, "u", true, null));
    }, 3, Duration.ofSeconds(30), Duration.ofSeconds(5), nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aKnownFileIsAskedOnceEveryThirtySeconds() {
        assertThat(cache.get("a.wav")).isInstanceOf(FileLookup.Known.class);
        advance(Duration.ofSeconds(29));
        cache.get("a.wav");
        assertThat(asked).containsExactly("a.wav");
        advance(Duration.ofSeconds(2));
        cache.get("a.wav");
        assertThat(asked).containsExactly("a.wav", "a.wav");
    }

    @Test
    void anUnknownFileIsAskedAgainSooner() {
        assertThat(cache.get("new.wav")).isEqualTo(FileLookup.UNKNOWN);
        advance(Duration.ofSeconds(4));
        cache.get("new.wav");
        assertThat(asked).hasSize(1);
        advance(Duration.ofSeconds(2));
        cache.get("new.wav");
        assertThat(asked).hasSize(2);
    }

    @Test
    void aFailedLookupIsNotCached() {
        down.set(true);
        assertThatThrownBy(() -> cache.get("a.wav")).isInstanceOf(DownstreamUnavailableException.class);
        down.set(false);
        assertThat(cache.get("a.wav")).isInstanceOf(FileLookup.Known.class);
        assertThat(asked).containsExactly("a.wav", "a.wav");
        down.set(true);
        assertThat(cache.get("a.wav")).as("a cached answer outlives an outage").isInstanceOf(FileLookup.Known.class);
    }

    @Test
    void boundedAndForgettable() {
        for (int i = 0; i < 10; i++) {
            cache.get("f" + i + ".wav");
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        cache.get("a.wav");
        cache.forget("a.wav");
        cache.get("a.wav");
        assertThat(asked.stream().filter("a.wav"::equals)).hasSize(2);
    }

    @Test
    void concurrentMissesShareOneLookupAndASlowNameDoesNotHoldUpOthers() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger slowLookups = new java.util.concurrent.atomic.AtomicInteger();
        FileVisibilityCache slow = new FileVisibilityCache(name -> {
            if (name.equals("slow.wav")) {
                slowLookups.incrementAndGet();
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new FileLookup.Known(new FileInfo("id", name, null, "u", true, null));
        }, 100, Duration.ofSeconds(30), Duration.ofSeconds(5), nanos::get);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<FileLookup>> waiting = new ArrayList<>();
            waiting.add(pool.submit(() -> slow.get("slow.wav")));
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            waiting.add(pool.submit(() -> slow.get("slow.wav")));
            waiting.add(pool.submit(() -> slow.get("slow.wav")));
            // Every other name is answered while the slow lookup is still out.
            for (int i = 0; i < 50; i++) {
                assertThat(slow.get("other" + i + ".wav")).isInstanceOf(FileLookup.Known.class);
            }
            release.countDown();
            for (var f : waiting) {
                assertThat(f.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(FileLookup.Known.class);
            }
            assertThat(slowLookups.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitersOnAFailedLookupGetTheSameError() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        FileVisibilityCache failing = new FileVisibilityCache(name -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new DownstreamUnavailableException("library-service", "down", null);
        }, 100, Duration.ofSeconds(30), Duration.ofSeconds(5), nanos::get);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> failing.get("a.wav"));
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var second = pool.submit(() -> failing.get("a.wav"));
            Thread.sleep(100);
            release.countDown();
            for (var f : List.of(first, second)) {
                assertThatThrownBy(() -> f.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .hasCauseInstanceOf(DownstreamUnavailableException.class);
            }
            assertThat(failing.size()).as("nothing cached").isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
