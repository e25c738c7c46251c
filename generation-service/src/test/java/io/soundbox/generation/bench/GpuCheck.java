package io.soundbox.generation.bench;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.generation.engine.CancellationCheck;
import io.soundbox.generation.engine.GenerationInput;
import io.soundbox.generation.engine.ProgressListener;
import io.soundbox.generation.engine.onnx.MusicGenEngine;
import io.soundbox.generation.engine.onnx.NeuralSettings;
import io.soundbox.generation.engine.onnx.OrtSessions;
import io.soundbox.generation.engine.onnx.TinyModels;
import io.soundbox.generation.model.MemoryReading;
import io.soundbox.generation.model.NvidiaSmiProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * {@code ./soundbox bench gpu}: what generation-service will see on this host's GPU. Reads the memory
 * probe the model lifecycle uses ({@code nvidia-smi}), opens the real MusicGen pipeline on tiny generated
 * models with CUDA preferred, says where it runs (and why not on CUDA), and checks that greedy decoding
 * gives the same audio as a CPU-only session. Prints {@code key=value} lines; exits 1 when CUDA was
 * expected ({@code --expect-cuda}) but not used, or when the devices disagree.
 */
public final class GpuCheck {
    private GpuCheck() {
    }

    public static void main(String[] args) throws Exception {
        boolean expectCuda = List.of(args).contains("--expect-cuda");
        boolean ok = true;
        System.out.printf(Locale.ROOT, "# %s, %s %s, ONNX Runtime native path %s%n", System.getProperty("os.arch"),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("onnxruntime.native.path", "(from the jar)"));

        if (NvidiaSmiProbe.isAvailable("nvidia-smi")) {
            MemoryReading m = new NvidiaSmiProbe("nvidia-smi", 0).read();
            System.out.printf(Locale.ROOT, "gpu_memory: source=%s free_mb=%d used_mb=%d total_mb=%d%n", m.source(),
                    m.freeMb(), m.usedMb(), m.totalMb());
        } else {
            System.out.println("gpu_memory: source=none (nvidia-smi not found or reports no GPU)");
        }

        Path dir = Files.createTempDirectory("soundbox-gpu-check");
        try {
            Path models = TinyModels.writeMusicGen(dir, 2048);
            // Greedy: the same logits must pick the same tokens on both devices.
            NeuralSettings greedy = NeuralSettings.musicDefaults().withSampling(1, 1.0, 3.0);
            OrtSessions preferGpu = new OrtSessions(true, 0);
            List<GenerationInput> inputs = IntStream.range(0, 3)
                    .mapToObj(i -> new GenerationInput(i == 0 ? "calm piano" : "loud drums in the rain", 5, false, i))
                    .toList();
            List<PcmBuffer> gpuOut;
            String device;
            MusicGenEngine.LoopStats stats;
            try (MusicGenEngine engine = new MusicGenEngine("musicgen-tiny", models, preferGpu, greedy)) {
                engine.load();
                device = engine.device().orElse("none");
                engine.generateBatch(inputs, ProgressListener.NONE, CancellationCheck.NEVER);
                long t0 = System.nanoTime();
                gpuOut = engine.generateBatch(inputs, ProgressListener.NONE, CancellationCheck.NEVER);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                stats = engine.lastLoopStats();
                System.out.printf(Locale.ROOT, "onnx: device=%s cuda_failure=%s batch=%d clip_s=5 batch_ms=%d"
                        + " model_ms_per_step=%.3f overhead_ms_per_step=%.3f steps=%d%n", device,
                        preferGpu.cudaFailure().map(r -> '"' + r.replace('\n', ' ') + '"').orElse("none"),
                        inputs.size(), ms, stats.decoderMsPerStep(), stats.overheadMsPerStep(), stats.steps());
            }
            try (MusicGenEngine cpu = new MusicGenEngine("musicgen-tiny", models, new OrtSessions(false, 0), greedy)) {
                List<PcmBuffer> cpuOut = cpu.generateBatch(inputs, ProgressListener.NONE, CancellationCheck.NEVER);
                double maxDiff = 0;
                for (int i = 0; i < inputs.size(); i++) {
                    float[] a = gpuOut.get(i).samples();
                    float[] b = cpuOut.get(i).samples();
                    if (a.length != b.length) {
                        maxDiff = Double.POSITIVE_INFINITY;
                        break;
                    }
                    for (int s = 0; s < a.length; s++) {
                        maxDiff = Math.max(maxDiff, Math.abs(a[s] - b[s]));
                    }
                }
                boolean same = maxDiff < 1e-3;
                System.out.printf(Locale.ROOT, "onnx_vs_cpu: same_audio=%s max_abs_diff=%.2e frames=%d%n",
                        same ? "yes" : "no", maxDiff, gpuOut.get(0).frames());
                ok &= same;
            }
            if (expectCuda && !"cuda".equals(device)) {
                System.out.println("# expected CUDA (--expect-cuda), got " + device);
                ok = false;
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(ok ? 0 : 1);
    }
}
