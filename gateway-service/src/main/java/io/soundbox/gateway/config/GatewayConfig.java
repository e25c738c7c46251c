package io.soundbox.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.soundbox.gateway.auth.AuthMode;
import java.nio.file.Path;
import java.time.Duration;

/** Everything the gateway reads from configuration under {@code soundbox.*}. */
@ConfigMapping(prefix = "soundbox")
public interface GatewayConfig {
    /** Shared by every service: keys, audio store and databases live below it. */
    Path dataDir();

    /** The audio store; generation-service writes WAV files here, the gateway only reads them. */
    Path audioDir();

    /** Where spectrogram PNGs are served from (the audio store unless configured otherwise). */
    Path spectrogramDir();

    Auth auth();

    Kafka kafka();

    Jobs jobs();

    interface Auth {
        /** {@code local}: tokens signed by the gateway's own key (single machine, guest tokens). */
        @WithDefault("local")
        AuthMode mode();

        /** Lifetime of tokens the gateway issues itself (guest tokens). */
        @WithDefault("24h")
        Duration tokenTtl();
    }

    interface Kafka {
        /**
         * How long POST /generate waits for the broker to acknowledge a request before answering 503.
         * Slightly above the producer's own delivery.timeout.ms so the producer's error wins if it comes.
         */
        @WithDefault("8s")
        Duration sendTimeout();

        /** Whether to create missing topics at start (TopicBootstrap). */
        @WithDefault("true")
        boolean createTopics();

        @WithDefault("10s")
        Duration topicBootstrapTimeout();

        /** 1 for the embedded single broker; 3 on a real cluster. */
        @WithDefault("1")
        short replicationFactor();
    }

    interface Jobs {
        /** Upper bound of jobs held in the read model (oldest-used evicted first). */
        @WithDefault("100000")
        long readModelMaxSize();

        /** Finished jobs stay visible this long after their last update. */
        @WithDefault("6h")
        Duration finishedTtl();

        /** Unfinished jobs are forgotten after this long without an update (job.status retention). */
        @WithDefault("168h")
        Duration activeTtl();
    }
}
