package io.soundbox.generation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
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

        /** Longest clip accepted; the gateway enforces tier limits, this guards memory. */
        @WithDefault("600")
        int maxDurationSeconds();
    }
}
