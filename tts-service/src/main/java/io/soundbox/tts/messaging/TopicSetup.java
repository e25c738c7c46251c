package io.soundbox.tts.messaging;

import io.quarkus.runtime.StartupEvent;
import io.soundbox.events.TopicSpec;
import io.soundbox.events.kafka.TopicBootstrap;
import io.soundbox.tts.config.TtsConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates missing Sound Box topics before the Kafka channels start (the status topic must be compacted
 * from its first record). A broker that is not up yet is not fatal: the start carries on, the Kafka
 * clients keep retrying, and any other service's start creates the topics as well.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    private final String bootstrapServers;
    private final TtsConfig config;

    public TopicSetup(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, TtsConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
    }

    /** Runs before SmallRye Reactive Messaging starts its channels (priority 1000). */
    void onStart(@Observes @Priority(100) StartupEvent event) {
        try {
            Set<String> created = TopicBootstrap.ensure(bootstrapServers, TopicSpec.ALL,
                    config.kafka().replicationFactor(), config.kafka().topicBootstrapTimeoutMs());
            if (!created.isEmpty()) {
                LOG.infof("created Kafka topics %s", created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not check Kafka topics at %s (%s); continuing, clients will retry", bootstrapServers,
                    e.getMessage());
        }
    }
}
