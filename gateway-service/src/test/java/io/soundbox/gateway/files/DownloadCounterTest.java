package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DownloadCounterTest {

    @Test
    void countsAreSentOffTheCallersThread() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        try (DownloadCounter counter = new DownloadCounter(d -> {
            sent.add(d.generationId() + "/" + d.internalToken());
            threads.add(Thread.currentThread().getName());
            done.countDown();
        }, 1, 10)) {
            assertThat(counter.record(new DownloadCounter.Download("g1", "t1"))).isTrue();
            assertThat(counter.record(new DownloadCounter.Download("g2", null))).isTrue();
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sent).containsExactly("g1/t1", "g2/null");
        assertThat(threads).allMatch(t -> t.startsWith("download-counter-"));
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfWaiting() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (DownloadCounter counter = new DownloadCounter(d -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 1, 2)) {
            assertThat(counter.record(new DownloadCounter.Download("busy", null))).isTrue();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(counter.record(new DownloadCounter.Download("q1", null))).isTrue();
            assertThat(counter.record(new DownloadCounter.Download("q2", null))).isTrue();
            assertThat(counter.record(new DownloadCounter.Download("over", null))).isFalse();
            assertThat(counter.dropped()).isEqualTo(1);
            assertThat(counter.queued()).isEqualTo(2);
            release.countDown();
        }
    }

    @Test
    void aFailingSendIsCountedAndTheWorkerCarriesOn() throws Exception {
        CountDownLatch second = new CountDownLatch(1);
        try (DownloadCounter counter = new DownloadCounter(d -> {
            if (d.generationId().equals("bad")) {
                throw new IllegalStateException("library-service answered 500");
            }
            second.countDown();
        }, 1, 10)) {
            counter.record(new DownloadCounter.Download("bad", null));
            counter.record(new DownloadCounter.Download("good", null));
            assertThat(second.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(counter.failed()).isEqualTo(1);
        }
    }
}
