package io.soundbox.gateway.messaging;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.events.kafka.TopicBootstrap;
import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates missing Sound Box topics at start (job.status must be compacted before anyone writes it).
 * A broker that is not up yet is logged, not fatal: the gateway still serves files and the library,
 * and answers 503 to generation requests until Kafka is back.
 */
@ApplicationScoped
public class TopicSetup {
    void onStart(@Observes @Priority(10) StartupEvent event, GatewayConfig config,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        if (!config.kafka().createTopics()) {
            return;
        }
        TopicBootstrap.ensureAtStartup(bootstrapServers, config.kafka().replicationFactor(),
                config.kafka().topicBootstrapTimeout().toMillis());
    }
}
