package io.soundbox.generation.bench;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.loudness.LoudnessNormalizer;
import io.soundbox.audio.quality.QualityAnalyzer;
import io.soundbox.audio.spectrogram.SpectrogramRenderer;
import io.soundbox.generation.engine.AudioEngine;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.onnx.MusicGenEngine;
import io.soundbox.generation.engine.onnx.NeuralSettings;
import io.soundbox.generation.engine.onnx.OrtSessions;
import io.soundbox.generation.engine.onnx.TinyModels;
import io.soundbox.generation.engine.procedural.MusicEngine;
import io.soundbox.generation.engine.procedural.SfxEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./soundbox bench engines}: real-time factor of the procedural engines for 30 s clips on one
 * thread, the quality step's cost, and the ONNX token loop's own overhead per step on tiny models with
 * MusicGen's real names and vocabulary (2048). Run by deploy/local/bench/engines.sh; bounded (a few
 * seconds of work per line).
 */
public final class EngineBench {
    private static final double SECONDS = 30;
    private static final List<String> MUSIC_PROMPTS = List.of("chill lofi hip hop beat with piano",
            "epic orchestral battle theme", "happy chiptune arcade tune", "ambient drone, no drums",
            "energetic rock with guitar and drums", "smooth jazz", "edm house party");
    private static final List<String> SFX_PROMPTS = List.of("rain on a window", "thunder storm", "explosion",
            "footsteps on wood", "ui click", "laser blast", "crackling fire", "birds in a forest");

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        System.out.printf("# %s, %s %s, %d available processors (one generation thread), %d run(s) per prompt%n",
                System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), runs);
        PcmBuffer sample = null;
        for (AudioEngine engine : List.of(new MusicEngine(), new SfxEngine())) {
            List<String> prompts = engine instanceof MusicEngine ? MUSIC_PROMPTS : SFX_PROMPTS;
            // Warm-up: JIT the hot loops before timing.
            for (String p : prompts) {
                engine.generate(new GenerationInput(p, 5, false, 1), ProgressListener.NONE, CancellationCheck.NEVER);
            }
            long nanos = 0;
            double audio = 0;
            for (int r = 0; r < runs; r++) {
                for (String p : prompts) {
                    long t0 = System.nanoTime();
                    PcmBuffer pcm = engine.generate(new GenerationInput(p, SECONDS, false, 100 + r),
                            ProgressListener.NONE, CancellationCheck.NEVER);
                    nanos += System.nanoTime() - t0;
                    audio += pcm.durationSeconds();
                    sample = pcm;
                }
            }
            System.out.printf("# %s: %d prompts x %d runs of %.0f s, %.1f s of compute%n", engine.name(),
                    prompts.size(), runs, SECONDS, nanos / 1e9);
            System.out.printf("engine %s: realtime_factor=%.0f (seconds of audio per second of compute)%n",
                    engine.name(), audio / (nanos / 1e9));
        }

        QualityAnalyzer analyzer = new QualityAnalyzer();
        for (int i = 0; i < 3; i++) {
            analyzer.analyze(sample);
            SpectrogramRenderer.DEFAULT.renderPng(LoudnessNormalizer.DEFAULT.normalize(sample));
        }
        long t0 = System.nanoTime();
        analyzer.analyze(sample);
        long t1 = System.nanoTime();
        PcmBuffer normalized = LoudnessNormalizer.DEFAULT.normalize(sample);
        long t2 = System.nanoTime();
        SpectrogramRenderer.DEFAULT.renderPng(normalized);
        long t3 = System.nanoTime();
        System.out.printf("quality step (30 s stereo 32 kHz): analysis_ms=%.0f loudness_ms=%.0f spectrogram_png_ms=%.0f%n",
                (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);

        Path dir = Files.createTempDirectory("soundbox-bench-onnx");
        try {
            NeuralSettings settings = NeuralSettings.musicDefaults();
            try (MusicGenEngine engine = new MusicGenEngine("musicgen-tiny", TinyModels.writeMusicGen(dir, 2048),
                    new OrtSessions(false, 1), settings)) {
                for (int batch : new int[] {1, 4}) {
                    List<GenerationInput> inputs = java.util.stream.IntStream.range(0, batch)
                            .mapToObj(i -> new GenerationInput("calm piano", 10, false, i)).toList();
                    engine.generateBatch(inputs, ProgressListener.NONE, CancellationCheck.NEVER);
                    engine.generateBatch(inputs, ProgressListener.NONE, CancellationCheck.NEVER);
                    MusicGenEngine.LoopStats s = engine.lastLoopStats();
                    System.out.printf("onnx musicgen loop (tiny models, vocab 2048, top-k 250, guidance 3, batch %d): "
                            + "overhead_ms_per_step=%.3f outside the model (model_ms_per_step=%.3f, steps=%d)%n",
                            batch, s.overheadMsPerStep(), s.decoderMsPerStep(), s.steps());
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
