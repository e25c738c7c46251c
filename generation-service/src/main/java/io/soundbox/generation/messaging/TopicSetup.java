package io.soundbox.generation.messaging;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.events.kafka.TopicBootstrap;
import io.soundbox.generation.config.GenerationConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates missing Sound Box topics before the Kafka channels start: the status topic must be compacted
 * from its first record ({@link TopicBootstrap#ensureAtStartup}).
 */
@ApplicationScoped
public class TopicSetup {
    private final String bootstrapServers;
    private final GenerationConfig config;

    public TopicSetup(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, GenerationConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** Runs before SmallRye Reactive Messaging starts its channels (priority 1000). */
    void onStart(@Observes @Priority(100) StartupEvent event) {
        TopicBootstrap.ensureAtStartup(bootstrapServers, config.kafka().replicationFactor(),
                config.kafka().topicBootstrapTimeoutMs());
    }
}
