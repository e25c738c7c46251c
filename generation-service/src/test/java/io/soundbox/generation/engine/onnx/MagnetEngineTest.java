package io.soundbox.generation.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationCancelledException;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagnetEngineTest {
    private static final OrtSessions CPU = new OrtSessions(false, 1);

    @Test
    void maskedDecodingFillsEveryFrameOfEveryCodebook(@TempDir Path dir) throws Exception {
        NeuralSettings s = NeuralSettings.musicDefaults().withSampling(1, 1.0, 3.0).withMagnet(List.of(4, 2, 2, 2), 10, 1);
        try (MagnetEngine engine = new MagnetEngine("magnet", TinyModels.writeMagnet(dir), CPU, s)) {
            AtomicInteger steps = new AtomicInteger();
            PcmBuffer pcm = engine.generate(new GenerationInput("bright synth", 0.2, false, 3),
                    f -> steps.incrementAndGet(), CancellationCheck.NEVER);
            assertThat(pcm.frames()).isEqualTo(6_400);
            int g = TinyModels.shiftOf("bright synth");
            for (int f = 0; f < 10; f++) {
                int[] codes = TinyModels.codesAt(pcm.samples(), f);
                for (int k = 0; k < 4; k++) {
                    assertThat(codes[k]).as("frame %d codebook %d", f, k).isEqualTo((g + k + f) % TinyModels.V);
                }
            }
            // 4 + 2 + 2 + 2 decoder passes, one progress report each, plus the final one.
            assertThat(steps.get()).isEqualTo(11);
        }
    }

    @Test
    void scheduleUnmasksEverythingByTheLastStep() {
        assertThat(MagnetEngine.maskedAfter(0, 10, 100)).isEqualTo(98);
        assertThat(MagnetEngine.maskedAfter(4, 10, 100)).isEqualTo(70);
        assertThat(MagnetEngine.maskedAfter(9, 10, 100)).isZero();
        for (int step = 1; step < 10; step++) {
            assertThat(MagnetEngine.maskedAfter(step, 10, 100)).isLessThanOrEqualTo(MagnetEngine.maskedAfter(step - 1, 10, 100));
        }
    }

    @Test
    void seededBatchesAreReproducibleAndCancellable(@TempDir Path dir) throws Exception {
        NeuralSettings s = NeuralSettings.musicDefaults().withSampling(4, 100.0, 1.0).withMagnet(List.of(3), 1, 1);
        try (MagnetEngine engine = new MagnetEngine("magnet", TinyModels.writeMagnet(dir), CPU, s)) {
            GenerationInput a = new GenerationInput("calm piano", 0.2, false, 5);
            GenerationInput b = new GenerationInput("rain wind", 0.2, false, 6);
            List<PcmBuffer> batch = engine.generateBatch(List.of(a, b), ProgressListener.NONE, CancellationCheck.NEVER);
            assertThat(batch.get(0)).isEqualTo(engine.generate(a, ProgressListener.NONE, CancellationCheck.NEVER));
            assertThat(batch.get(1)).isEqualTo(engine.generate(b, ProgressListener.NONE, CancellationCheck.NEVER));
            assertThat(batch.get(0)).isNotEqualTo(engine.generate(new GenerationInput("calm piano", 0.2, false, 9),
                    ProgressListener.NONE, CancellationCheck.NEVER));

            AtomicInteger checks = new AtomicInteger();
            assertThatThrownBy(() -> engine.generate(a, ProgressListener.NONE, () -> checks.incrementAndGet() > 2))
                    .isInstanceOf(GenerationCancelledException.class);
        }
    }
}
