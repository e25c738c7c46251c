package io.soundbox.gateway.messaging;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.events.TopicSpec;
import io.soundbox.events.kafka.TopicBootstrap;
import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates missing Sound Box topics at start (job.status must be compacted before anyone writes it).
 * A broker that is not up yet is logged, not fatal: the gateway still serves files and the library,
 * and answers 503 to generation requests until Kafka is back.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void onStart(@Observes @Priority(10) StartupEvent event, GatewayConfig config,
                 @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        if (!config.kafka().createTopics()) {
            return;
        }
        try {
            Set<String> created = TopicBootstrap.ensure(bootstrapServers, TopicSpec.ALL,
                    config.kafka().replicationFactor(), config.kafka().topicBootstrapTimeout().toMillis());
            if (!created.isEmpty()) {
                LOG.infof("Created Kafka topics %s", created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Could not check the Kafka topics at %s (%s); continuing without", bootstrapServers,
                    e.getMessage());
        }
    }
}
