package io.soundbox.tts.bench;

import io.soundbox.tts.engine.EngineVoiceLoader;
import io.soundbox.tts.engine.SynthesisOptions;
import io.soundbox.tts.engine.VoiceCache;
import io.soundbox.tts.phonemize.PhonemizerSelector;
import io.soundbox.tts.speech.SpeechSynthesizer;
import io.soundbox.tts.voice.VoiceCatalog;
import io.soundbox.tts.voice.VoiceEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./soundbox bench tts}: speaks a 200-character sentence with each voice, in this JVM, through the
 * same catalog, voice cache and engines the service uses. Per voice one line:
 * {@code tts VOICE: first_byte_ms=cold:X,cached_p50:Y realtime_factor=cold:A,cached_p50:B}.
 * "first byte" is the first synthesized chunk (a Piper sentence, a FreeTTS buffer); "cold" includes
 * loading the voice into an empty cache; "cached" runs with the voice already loaded. The realtime
 * factor is synthesis time over audio duration (below 1 is faster than real time).
 *
 * <p>Arguments: {@code --voices-dir DIR --cache-dir DIR --runs N [VOICE...]}; without voices, every
 * installed voice.
 */
public final class TtsBench {
    static final String SENTENCE = "The quick brown fox jumps over the lazy dog while the orchestra tunes its "
            + "instruments, and everyone in the hall waits quietly for the first notes of the evening's long "
            + "awaited symphony to begin today.";

    private TtsBench() {
    }

    public static void main(String[] args) {
        Path voicesDir = Path.of("data", "voices");
        Path cacheDir = Path.of("data", "cache", "espeak-ng");
        int runs = 30;
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--voices-dir" -> voicesDir = Path.of(args[++i]);
                case "--cache-dir" -> cacheDir = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> wanted.add(args[i]);
            }
        }
        VoiceCatalog catalog = new VoiceCatalog(voicesDir, List.of(EngineVoiceLoader.kevin16("kevin16")),
                Duration.ofMinutes(1), Clock.systemUTC());
        EngineVoiceLoader loader = new EngineVoiceLoader(new PhonemizerSelector("auto", cacheDir, "espeak-ng"), 0, 0.2);
        List<VoiceEntry> voices = wanted.isEmpty() ? catalog.list()
                : wanted.stream().map(id -> catalog.find(id).orElseThrow(
                        () -> new IllegalArgumentException("no voice " + id + " (voices dir " + catalog.voicesDir() + ")")))
                .toList();
        System.out.printf(Locale.ROOT, "# %d-character sentence, %d cached runs per voice, %d CPUs, Java %s, %s %s%n",
                SENTENCE.length(), runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        for (VoiceEntry voice : voices) {
            try (VoiceCache cache = new VoiceCache(loader, 1)) {
                SpeechSynthesizer synth = new SpeechSynthesizer(cache);
                Run cold = Run.of(synth, voice);
                double[] first = new double[runs];
                double[] rtf = new double[runs];
                for (int i = 0; i < runs; i++) {
                    Run r = Run.of(synth, voice);
                    first[i] = r.firstMs;
                    rtf[i] = r.realtimeFactor();
                }
                System.out.printf(Locale.ROOT, "tts %s: first_byte_ms=cold:%.1f,cached_p50:%.1f realtime_factor=cold:%.4f,cached_p50:%.4f%n",
                        voice.id(), cold.firstMs, p50(first), cold.realtimeFactor(), p50(rtf));
                Arrays.sort(first);
                System.out.printf(Locale.ROOT, "#   %s: cached first_byte_ms p95 %.1f max %.1f, audio %.2f s, engine %s%n",
                        voice.id(), first[(int) Math.ceil(0.95 * runs) - 1], first[runs - 1], cold.audioSeconds,
                        voice.engine().wireName());
            } catch (RuntimeException e) {
                System.out.printf("tts %s: failed: %s%n", voice.id(), e.getMessage());
            }
        }
    }

    private record Run(double firstMs, double totalMs, double audioSeconds) {
        static Run of(SpeechSynthesizer synth, VoiceEntry voice) {
            long t0 = System.nanoTime();
            long[] first = {-1};
            var pcm = synth.speak(voice, SENTENCE, SynthesisOptions.defaults(), chunk -> {
                if (first[0] < 0) {
                    first[0] = System.nanoTime();
                }
            });
            long t1 = System.nanoTime();
            return new Run((first[0] - t0) / 1e6, (t1 - t0) / 1e6, pcm.durationSeconds());
        }

        double realtimeFactor() {
            return totalMs / 1000.0 / audioSeconds;
        }
    }

    private static double p50(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
