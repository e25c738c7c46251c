package io.soundbox.generation.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicGenEngineTest {
    private static final OrtSessions CPU = new OrtSessions(true, 1);

    private static NeuralSettings greedy() {
        return NeuralSettings.musicDefaults().withSampling(1, 1.0, 3.0);
    }

    private static NeuralSettings sampling() {
        // Temperature 100 flattens the tiny model's one-hot logits: draws spread over the top 4.
        return NeuralSettings.musicDefaults().withSampling(4, 100.0, 1.0);
    }

    @Test
    void greedyDecodingFollowsTheKvCacheTheDelayPatternAndTheConditioning(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, greedy())) {
            assertThat(engine.device()).as("decided when the sessions open").isEmpty();
            List<Double> progress = new ArrayList<>();
            PcmBuffer pcm = engine.generate(new GenerationInput("calm piano", 0.2, false, 1), progress::add,
                    CancellationCheck.NEVER);

            assertThat(pcm.sampleRate()).isEqualTo(32_000);
            assertThat(pcm.channels()).isEqualTo(1);
            assertThat(pcm.frames()).isEqualTo(6_400);
            int g = TinyModels.shiftOf("calm piano");
            assertThat(g).isEqualTo(3);
            // Step s emits token (g + k + s) for codebook k; undelayed, frame f of codebook k was step f + k.
            for (int f = 0; f < 10; f++) {
                int[] codes = TinyModels.codesAt(pcm.samples(), f);
                for (int k = 0; k < 4; k++) {
                    assertThat(codes[k]).as("frame %d codebook %d", f, k).isEqualTo((g + 2 * k + f) % TinyModels.V);
                }
            }
            // 10 frames + 3 delay steps, then EnCodec.
            assertThat(progress).hasSizeGreaterThanOrEqualTo(13).isSorted();
            assertThat(progress.get(progress.size() - 1)).isEqualTo(1.0);
            // CPU jar: CUDA fails and says why; GPU jar on a working GPU: no failure, on cuda.
            assertThat(engine.device()).contains(CPU.cudaFailure().isPresent() ? "cpu" : "cuda");
        }
    }

    @Test
    void theDeviceIsReadWhileAGenerationRuns(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, greedy())) {
            engine.load();
            java.util.concurrent.CountDownLatch generating = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Thread job = new Thread(() -> engine.generate(new GenerationInput("calm piano", 0.2, false, 1), f -> {
                generating.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, CancellationCheck.NEVER));
            job.start();
            try {
                assertThat(generating.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                // GET /models asks this while the job holds the engine (minutes on real weights)
                java.util.concurrent.CompletableFuture<java.util.Optional<String>> device =
                        java.util.concurrent.CompletableFuture.supplyAsync(engine::device);
                assertThat(device.get(5, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
            } finally {
                release.countDown();
                job.join(10_000);
            }
        }
    }

    @Test
    void theTokenizerIsPinnedToItsBundledCpuLibrary(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, greedy())) {
            engine.load();
        }
        // Without it DJL downloads a CUDA tokenizer on GPU hosts (seen failing offline on an H200). The
        // operator's own setting would win; CI sets none.
        assertThat(System.getenv(TokenizerNatives.FLAVOR)).as("CI environment").isNull();
        assertThat(System.getProperty(TokenizerNatives.FLAVOR)).isEqualTo("cpu");
    }

    @Test
    void guidanceUsesTheConditionalRowsOverTheUnconditionalOnes(@TempDir Path dir) throws Exception {
        Path models = TinyModels.writeMusicGen(dir);
        // Unguided, the conditional row alone decides; guided (scale 3) it must still win over the
        // unconditional row (shift 0), which it only does when the doubled batch carries zeros there.
        for (double scale : new double[] {1.0, 3.0}) {
            NeuralSettings s = NeuralSettings.musicDefaults().withSampling(1, 1.0, scale);
            try (MusicGenEngine engine = new MusicGenEngine("musicgen", models, CPU, s)) {
                PcmBuffer pcm = engine.generate(new GenerationInput("loud drums", 0.1, false, 1),
                        ProgressListener.NONE, CancellationCheck.NEVER);
                assertThat(TinyModels.codesAt(pcm.samples(), 0)[0]).isEqualTo(TinyModels.shiftOf("loud drums"));
            }
        }
    }

    @Test
    void sameSeedSameAudioOtherSeedOtherAudio(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, sampling())) {
            GenerationInput a = new GenerationInput("rain thunder", 0.3, false, 42);
            PcmBuffer first = engine.generate(a, ProgressListener.NONE, CancellationCheck.NEVER);
            PcmBuffer again = engine.generate(a, ProgressListener.NONE, CancellationCheck.NEVER);
            PcmBuffer other = engine.generate(new GenerationInput("rain thunder", 0.3, false, 43),
                    ProgressListener.NONE, CancellationCheck.NEVER);
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void aBatchGivesEachRequestWhatItWouldGetAlone(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, sampling())) {
            assertThat(engine.supportsBatching()).isTrue();
            GenerationInput a = new GenerationInput("calm piano", 0.2, false, 7);
            GenerationInput b = new GenerationInput("loud drums", 0.3, false, 8);
            List<PcmBuffer> batch = engine.generateBatch(List.of(a, b), ProgressListener.NONE, CancellationCheck.NEVER);
            assertThat(batch).hasSize(2);
            assertThat(batch.get(0)).isEqualTo(engine.generate(a, ProgressListener.NONE, CancellationCheck.NEVER));
            assertThat(batch.get(1)).isEqualTo(engine.generate(b, ProgressListener.NONE, CancellationCheck.NEVER));
            assertThat(batch.get(1).frames()).isEqualTo(9_600);
        }
    }

    @Test
    void cancellationStopsTheLoopAndTheEngineStaysUsable(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, greedy())) {
            AtomicInteger checks = new AtomicInteger();
            AtomicInteger steps = new AtomicInteger();
            assertThatThrownBy(() -> engine.generate(new GenerationInput("calm piano", 1.0, false, 1),
                    f -> steps.incrementAndGet(), () -> checks.incrementAndGet() > 5))
                    .isInstanceOf(GenerationCancelledException.class);
            assertThat(steps.get()).isEqualTo(5);
            PcmBuffer pcm = engine.generate(new GenerationInput("calm piano", 0.1, false, 1), ProgressListener.NONE,
                    CancellationCheck.NEVER);
            assertThat(pcm.frames()).isEqualTo(3_200);
        }
    }

    @Test
    void loopsAreCrossfadedToTheExactLength(@TempDir Path dir) throws Exception {
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, greedy())) {
            PcmBuffer pcm = engine.generate(new GenerationInput("calm piano", 2.0, true, 1), ProgressListener.NONE,
                    CancellationCheck.NEVER);
            assertThat(pcm.frames()).isEqualTo(64_000);
            // The head is a blend of the start and the continuation past the end: not frame 0's pure value.
            float pure = pcm.samples()[16_000];
            assertThat(pure).isNotEqualTo(pcm.samples()[0]);
        }
    }

    @Test
    void missingFilesAreNamedAndBrokenFilesReported(@TempDir Path dir) throws Exception {
        Path models = TinyModels.writeMusicGen(dir.resolve("music"));
        Files.delete(models.resolve("onnx/encodec_decode.onnx"));
        Files.delete(models.resolve("tokenizer.json"));
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", models, CPU, greedy())) {
            assertThatThrownBy(engine::load).isInstanceOf(ModelInstallException.class)
                    .hasMessageContaining("tokenizer.json, encodec_decode.onnx");
        }

        Path broken = TinyModels.writeMusicGen(dir.resolve("broken"));
        Files.write(broken.resolve("onnx/decoder_model_merged.onnx"), new byte[] {8, 1, 2, 3, 4, 5, 6});
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", broken, CPU, greedy())) {
            assertThatThrownBy(() -> engine.generate(new GenerationInput("calm", 1, false, 1), ProgressListener.NONE,
                    CancellationCheck.NEVER)).isInstanceOf(ModelInstallException.class)
                    .hasMessageContaining("decoder_model_merged.onnx");
            assertThat(engine.isLoaded()).isFalse();
        }
    }

    @Test
    void anExportWithInputsTheEngineCannotFeedIsRejectedAtLoad(@TempDir Path dir) throws Exception {
        Path models = TinyModels.writeMusicGen(dir);
        TinyModels.mergedDecoder().input("position_ids", io.soundbox.testsupport.onnx.OnnxModelWriter.DataType.INT64,
                "batch", "sequence").write(models.resolve("onnx/decoder_model_merged.onnx"));
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", models, CPU, greedy())) {
            assertThatThrownBy(engine::load).isInstanceOf(ModelInstallException.class)
                    .hasMessageContaining("position_ids");
        }
    }

    @Test
    void refusesClipsLongerThanTheModelMakes(@TempDir Path dir) throws Exception {
        NeuralSettings shortOnly = greedy().withLimits(2, 4);
        try (MusicGenEngine engine = new MusicGenEngine("musicgen", TinyModels.writeMusicGen(dir), CPU, shortOnly)) {
            assertThatThrownBy(() -> engine.generate(new GenerationInput("calm", 3, false, 1), ProgressListener.NONE,
                    CancellationCheck.NEVER)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 s");
        }
    }
}
