package io.soundbox.events.kafka;

import io.soundbox.events.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the Sound Box topics that are missing, with their partitions and configs (the status topic
 * must be compacted before anyone writes to it). Safe to run from every service at start: existing
 * topics are left alone.
 */
public final class TopicBootstrap {
    private TopicBootstrap() {
    }

    /**
     * What every service runs at start: {@link #ensure} with all Sound Box topics, where a broker that is
     * not up yet is not fatal (the start carries on, the Kafka clients keep retrying, and any other
     * service's start creates the topics as well). Logs what it created or why it could not check.
     */
    public static void ensureAtStartup(String bootstrapServers, short replicationFactor, long timeoutMillis) {
        System.Logger log = System.getLogger(TopicBootstrap.class.getName());
        try {
            Set<String> created = ensure(bootstrapServers, TopicSpec.ALL, replicationFactor, timeoutMillis);
            if (!created.isEmpty()) {
                log.log(System.Logger.Level.INFO, "created Kafka topics " + created);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.log(System.Logger.Level.WARNING, "could not check the Kafka topics at " + bootstrapServers + " ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    + "); continuing, the clients will retry");
        }
    }

    /**
     * @param replicationFactor 1 for a single broker; 3 on a real cluster
     * @return the names of the topics this call created
     */
    public static Set<String> ensure(String bootstrapServers, List<TopicSpec> specs, short replicationFactor,
                                     long timeoutMillis) throws InterruptedException, TimeoutException {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeoutMillis,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeoutMillis, 30_000)))) {
            Set<String> existing = admin.listTopics().names().get(timeoutMillis, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = specs.stream().filter(s -> !existing.contains(s.name()))
                    .map(s -> new NewTopic(s.name(), s.partitions(), replicationFactor).configs(s.configs()))
                    .toList();
            if (missing.isEmpty()) {
                return Set.of();
            }
            var result = admin.createTopics(missing);
            for (var entry : result.values().entrySet()) {
                try {
                    entry.getValue().get(timeoutMillis, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey() + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            return result.values().keySet();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
