package io.soundbox.tts.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.tts.engine.AudioSink;
import io.soundbox.tts.engine.SpeechVoice;
import io.soundbox.tts.engine.SynthesisOptions;
import io.soundbox.tts.engine.VoiceCache;
import io.soundbox.tts.voice.VoiceEngineKind;
import io.soundbox.tts.voice.VoiceEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpeechSynthesizerTest {
    private static final VoiceEntry VOICE = new VoiceEntry("v", "v", "en_US", "low", 8000, VoiceEngineKind.FREETTS,
            List.of(), null, "1", null);

    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Speaks two chunks; the text "block" holds its synthesis slot until released. */
    private final SpeechVoice voice = new SpeechVoice() {
        @Override
        public int sampleRate() {
            return 8000;
        }

        @Override
        public void synthesize(String text, SynthesisOptions options, AudioSink sink) {
            if (text.equals("block")) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            sink.accept(new float[] {0.1f, 0.2f});
            sink.accept(new float[] {0.3f});
        }

        @Override
        public void close() {
        }
    };

    @Test
    void joinsTheChunksIntoOneBufferAtTheVoicesRate() {
        SpeechSynthesizer s = new SpeechSynthesizer(new VoiceCache(e -> voice, 1));

        PcmBuffer pcm = s.speak(VOICE, "hi", SynthesisOptions.defaults());

        assertThat(pcm.sampleRate()).isEqualTo(8000);
        assertThat(pcm.samples()).containsExactly(0.1f, 0.2f, 0.3f);
    }

    @Test
    void aRequestBeyondTheConcurrencyLimitWaitsThenIsRefused() throws Exception {
        SpeechSynthesizer s = new SpeechSynthesizer(new VoiceCache(e -> voice, 1), 1, Duration.ofMillis(200));
        CompletableFuture<PcmBuffer> blocking = CompletableFuture.supplyAsync(
                () -> s.speak(VOICE, "block", SynthesisOptions.defaults()));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> s.speak(VOICE, "hi", SynthesisOptions.defaults()))
                .isInstanceOf(SpeechSynthesizer.BusyException.class);

        release.countDown();
        assertThat(blocking.get(5, TimeUnit.SECONDS).frames()).isEqualTo(3);
        assertThat(s.speak(VOICE, "hi", SynthesisOptions.defaults()).frames()).isEqualTo(3);
    }
}
