package io.soundbox.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.voice.VoiceEngineKind;
import io.soundbox.tts.voice.VoiceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VoiceCacheTest {

    /** A voice that records being loaded and closed. */
    static final class CountedVoice implements SpeechVoice {
        final String id;
        volatile boolean closed;

        CountedVoice(String id) {
            this.id = id;
        }

        @Override
        public int sampleRate() {
            return 16000;
        }

        @Override
        public void synthesize(String text, SynthesisOptions options, AudioSink sink) {
            sink.accept(new float[] {1});
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final ConcurrentHashMap<String, AtomicInteger> loads = new ConcurrentHashMap<>();
    private final List<CountedVoice> loaded = new ArrayList<>();

    private VoiceLoader loader(long loadMillis) {
        return entry -> {
            loads.computeIfAbsent(entry.id(), k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(loadMillis);
            CountedVoice v = new CountedVoice(entry.id());
            synchronized (loaded) {
                loaded.add(v);
            }
            return v;
        };
    }

    @Test
    void loadsAVoiceOnceUnderConcurrentRequests() throws Exception {
        VoiceCache cache = new VoiceCache(loader(200), 10);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SpeechVoice>> got = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            got.add(pool.submit(() -> {
                start.await();
                try (VoiceCache.Lease lease = cache.acquire(entry("a", "1"))) {
                    return lease.voice();
                }
            }));
        }
        start.countDown();
        SpeechVoice first = got.get(0).get(10, TimeUnit.SECONDS);
        for (Future<SpeechVoice> f : got) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isSameAs(first);
        }
        pool.shutdown();

        assertThat(loads.get("a").get()).isEqualTo(1);
    }

    @Test
    void evictsTheLeastRecentlyUsedVoiceBeyondItsSizeAndClosesIt() {
        VoiceCache cache = new VoiceCache(loader(0), 2);
        use(cache, "a");
        use(cache, "b");
        use(cache, "a");
        use(cache, "c");

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.isCached("a")).isTrue();
        assertThat(cache.isCached("c")).isTrue();
        assertThat(cache.isCached("b")).isFalse();
        assertThat(voice("b").closed).isTrue();
        assertThat(voice("a").closed).isFalse();

        use(cache, "b");
        assertThat(loads.get("b").get()).isEqualTo(2);
        cache.close();
        assertThat(loaded).allMatch(v -> v.closed);
    }

    @Test
    void aVoiceEvictedWhileSpeakingIsClosedOnlyWhenItIsReturned() {
        VoiceCache cache = new VoiceCache(loader(0), 1);
        VoiceCache.Lease speaking = cache.acquire(entry("a", "1"));

        use(cache, "b");

        assertThat(cache.isCached("a")).isFalse();
        assertThat(voice("a").closed).isFalse();
        speaking.close();
        assertThat(voice("a").closed).isTrue();
    }

    @Test
    void aFailedLoadIsNotCachedAndTheNextRequestTriesAgain() {
        AtomicInteger attempts = new AtomicInteger();
        VoiceCache cache = new VoiceCache(entry -> {
            if (attempts.incrementAndGet() == 1) {
                throw new java.io.IOException("disk hiccup");
            }
            return new CountedVoice(entry.id());
        }, 2);

        assertThatThrownBy(() -> use(cache, "a")).isInstanceOf(SynthesisException.class).hasMessageContaining("disk hiccup");
        assertThat(cache.isCached("a")).isFalse();
        use(cache, "a");
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void changedVoiceFilesReplaceTheCachedSession() {
        VoiceCache cache = new VoiceCache(loader(0), 2);
        try (VoiceCache.Lease l = cache.acquire(entry("a", "v1"))) {
            assertThat(l.voice()).isNotNull();
        }
        try (VoiceCache.Lease l = cache.acquire(entry("a", "v2"))) {
            assertThat(l.voice()).isNotNull();
        }

        assertThat(loads.get("a").get()).isEqualTo(2);
        assertThat(loaded.get(0).closed).isTrue();
        assertThat(loaded.get(1).closed).isFalse();
    }

    private void use(VoiceCache cache, String id) {
        cache.with(entry(id, "1"), v -> v.synthesize("x", SynthesisOptions.defaults(), c -> { }));
    }

    private CountedVoice voice(String id) {
        synchronized (loaded) {
            return loaded.stream().filter(v -> v.id.equals(id)).findFirst().orElseThrow();
        }
    }

    static VoiceEntry entry(String id, String version) {
        return new VoiceEntry(id, id, "en_US", "low", 16000, VoiceEngineKind.FREETTS, List.of(), null, version, null);
    }
}
