package io.soundbox.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Configuration of generation-service; {@code soundbox.data-dir} is shared with the other services. */
@ConfigMapping(prefix = "soundbox")
public interface GenerationConfig {

    /** Root of the stack's state (env SOUNDBOX_DATA). */
    Path dataDir();

    /** The audio store; defaults to {@code <data-dir>/audio}, shared with gateway and tts-service. */
    Optional<Path> audioDir();

    Kafka kafka();

    Generation generation();

    /** The scheduler's numbers (docs/architecture.md "Scheduler"). */
    Scheduler scheduler();

    /** Model lifecycle: memory checks, idle unload, preload. */
    Models models();

    /** Which engine serves each model and how the neural ones sample. */
    Engines engines();

    /** Quality analysis, retries, loudness and spectrograms of finished clips. */
    Quality quality();

    interface Kafka {
        /** Replication factor for topics this service creates: 1 on a single broker, 3 on a cluster. */
        @WithDefault("1")
        short replicationFactor();

        /** How long the start-up topic check may wait for the broker before carrying on. */
        @WithDefault("5000")
        long topicBootstrapTimeoutMs();
    }

    interface Generation {
        /** Jobs generated at the same time; 1 per GPU (a second job would only compete for memory). */
        @WithDefault("1")
        int workerThreads();

        /** Jobs pulled from Kafka and waiting here; beyond this the consumer stops fetching. */
        @WithDefault("8")
        int maxQueued();

        /**
         * Longest clip accepted for any model, every tier (admin included); the gateway enforces the same
         * per model. Procedural engines render in chunks, so memory does not grow with this.
         */
        @WithDefault("600")
        int maxDurationSeconds();

        /**
         * Per-model maxima below {@link #maxDurationSeconds()}, keyed by model name ({@code music},
         * {@code audio}, {@code magnet-music}, {@code magnet-audio}); a neural engine's own limit (its
         * context, {@code soundbox.engines.max-duration-seconds}) applies on top.
         */
        Map<String, Integer> modelMaxDurationSeconds();

        /** How often running jobs announce their status again (a heartbeat readers use to spot a lost runner). */
        @WithDefault("15s")
        Duration heartbeatInterval();
    }

    interface Scheduler {
        /** Consecutive jobs the loaded model is preferred over a better job for another model. */
        @WithDefault("3")
        int affinityLimit();

        /** A job waiting longer than this forces a switch to its model. */
        @WithDefault("60s")
        Duration starvation();

        /** Most same-model jobs one engine call takes, where the engine batches. */
        @WithDefault("3")
        int maxBatch();

        /** Tier to priority, 0 first (admin 0 ... free 4); an unknown tier keeps the request's priority. */
        Map<String, Integer> tierPriority();

        /** Tier to the most queued jobs per user on this instance (the gateway enforces the same numbers). */
        Map<String, Integer> maxPending();

        /** Queue positions and ETAs are published at most this often per job. */
        @WithDefault("500ms")
        Duration announceInterval();

        /** First guess for ETAs until measured: generation time per second of audio. */
        @WithDefault("1s")
        Duration initialGenerationTimePerAudioSecond();

        /** First guess for ETAs until measured: one model load. */
        @WithDefault("8s")
        Duration initialLoadTime();
    }

    interface Models {
        /** {@code auto} (nvidia-smi when it answers, else host memory), {@code nvidia-smi}, {@code host} or {@code none}. */
        @WithDefault("auto")
        String memoryProbe();

        @WithDefault("nvidia-smi")
        String nvidiaSmiCommand();

        /** The GPU this instance uses (one instance per GPU). */
        @WithDefault("0")
        int gpuIndex();

        /** Memory kept free beyond a model's need (original: 2 GB). */
        @WithDefault("2048")
        long reserveMb();

        /** Memory each model needs while loaded, by model id (original: 4096 music, 5120 audio, 6144 magnet). */
        Map<String, Long> memoryMb();

        /**
         * Whether engines without weights (the procedural ones) are accounted with the configured memory
         * anyway, to exercise the lifecycle without a GPU; by default they need none.
         */
        @WithDefault("false")
        boolean accountWeightless();

        /** A ready model unused this long is unloaded. */
        @WithDefault("10m")
        Duration idleUnload();

        /** How long a load waits for memory before its jobs fail (original: 300 s). */
        @WithDefault("300s")
        Duration memoryWait();

        /** Models loaded at start when they fit without evicting anything (original: AudioGen). */
        Optional<List<String>> preload();
    }

    interface Engines {
        /** Where operators install model exports, one directory per model id; default {@code <data-dir>/models}. */
        Optional<Path> modelsDir();

        /** Per model id: {@code auto} (an installed export, else procedural), {@code onnx} or {@code procedural}. */
        Map<String, String> choice();

        /** Try the CUDA execution provider first (only effective with the {@code -Pgpu} build). */
        @WithDefault("true")
        boolean preferGpu();

        /** ONNX Runtime threads per CPU session; 0 uses all cores. */
        @WithDefault("0")
        int intraOpThreads();

        /** Top-k sampling (MusicGen's default 250). */
        @WithDefault("250")
        int topK();

        @WithDefault("1.0")
        double temperature();

        /** Classifier-free guidance scale (MusicGen's default 3). */
        @WithDefault("3.0")
        double guidanceScale();

        /** Longest clip a neural engine makes in one pass (MusicGen was trained on 30 s). */
        @WithDefault("30")
        int maxDurationSeconds();

        /** Prompts in one forward pass; the KV cache grows with it. */
        @WithDefault("4")
        int maxBatch();

        /** MAGNeT decoding steps per codebook (audiocraft: 20,10,10,10). */
        @WithDefault("20,10,10,10")
        List<Integer> magnetSteps();
    }

    interface Quality {
        /** Attempts per job, the first included (original: up to 2 retries). */
        @WithDefault("3")
        int maxAttempts();

        /** A score below this regenerates with a new seed (original: 50). */
        @WithDefault("50")
        int minScore();

        /** Loudness normalisation target; a non-negative value disables normalisation. */
        @WithDefault("-14")
        double targetLufs();

        /** Sample peak ceiling after normalisation. */
        @WithDefault("-1")
        double ceilingDbfs();

        /** Write {@code <jobId>.png} beside each clip. */
        @WithDefault("true")
        boolean spectrograms();
    }
}
