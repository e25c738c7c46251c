package io.soundbox.gateway.ratelimit;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.GenerationRequestedDeserializer;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.domain.Tier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Gives a restarted gateway back each user's generations of the last window (an hour): at start it
 * reads {@code soundbox.generation.requested} from one window back ({@code offsetsForTimes}) to the
 * end offsets of that moment and replays every request into the user's bucket. Every admitted
 * generation is on that topic (the gateway publishes it before answering 202), and nothing else is:
 * a refused or unqueued request never reaches it. Until the replay is done {@link GenerationLimits}
 * admits no generation of a tier with an hourly limit (503, like a broker that is down) and the
 * readiness check is DOWN. The first try runs during start; later ones on a thread of their own, while
 * the broker is unreachable.
 */
@ApplicationScoped
public class GenerationUsageRebuild {
    private static final Logger LOG = Logger.getLogger(GenerationUsageRebuild.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
    /** The first try runs during start, so that a reachable broker makes the gateway start ready. */
    private static final Duration FIRST_ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final RateLimitBuckets buckets;
    private final TierLimits tiers;
    private final Duration window;
    private final boolean enabled;
    private final String bootstrapServers;
    private final Clock clock;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final GenerationRequestedDeserializer deserializer = new GenerationRequestedDeserializer();
    private volatile int replayed;

    @Inject
    public GenerationUsageRebuild(RateLimitBuckets buckets, TierLimits tiers, GatewayConfig config,
                                  @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(buckets, tiers, config.limits().generationWindow(), config.limits().enabled(), bootstrapServers,
                Clock.systemUTC());
    }

    GenerationUsageRebuild(RateLimitBuckets buckets, TierLimits tiers, Duration window, boolean enabled,
                           String bootstrapServers, Clock clock) {
        this.buckets = buckets;
        this.tiers = tiers;
        this.window = window;
        this.enabled = enabled;
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    /** After TopicSetup (priority 10) has created the topics. */
    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!enabled) {
            done.set(true);
            return;
        }
        try {
            rebuild(FIRST_ATTEMPT_TIMEOUT);
            return;
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the last %s of generation requests at start: %s; retrying in the background,"
                    + " generation requests are refused until it succeeds", window, e.toString());
        }
        Thread t = new Thread(this::rebuildUntilDone, "rate-limit-usage-rebuild");
        t.setDaemon(true);
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    /** Whether the last window's generations are counted, so that limits may be enforced. */
    public boolean done() {
        return done.get();
    }

    /** Generation requests replayed by the last rebuild. */
    public int replayed() {
        return replayed;
    }

    private void rebuildUntilDone() {
        Duration backoff = Duration.ofMillis(500);
        int attempt = 0;
        while (!stopping.get() && !done.get()) {
            attempt++;
            try {
                rebuild(ATTEMPT_TIMEOUT);
                return;
            } catch (RuntimeException e) {
                // Logged now and then only: a broker down for long would otherwise flood the log.
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warnf("Could not read the last %s of generation requests yet (attempt %d): %s; generation"
                            + " requests are refused until it succeeds", window, attempt, e.toString());
                }
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /**
     * Reads the topic from one window back to its end as of now, restores every user's bucket and marks
     * the limits ready.
     *
     * @return the requests replayed
     * @throws RuntimeException when the broker cannot be read within {@code timeout}
     */
    public int rebuild(Duration timeout) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        Map<String, List<Instant>> takenAt = new HashMap<>();
        Map<String, Tier> tierOf = new HashMap<>();
        int count = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.GENERATION_REQUESTED, timeout);
            for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            if (!partitions.isEmpty()) {
                consumer.assign(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
                Map<TopicPartition, Long> query = new HashMap<>();
                partitions.forEach(p -> query.put(p, from.toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query, timeout);
                for (TopicPartition p : partitions) {
                    OffsetAndTimestamp o = start.get(p);
                    consumer.seek(p, o == null ? end.get(p) : o.offset());
                }
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!reachedEnd(consumer, partitions, end, timeout)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the topic was not read to its end in " + timeout);
                    }
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                            continue; // published by this instance after the snapshot: already counted
                        }
                        GenerationRequested g = read(r);
                        if (g == null || g.userId() == null) {
                            continue; // unreadable or ownerless: nothing to count against anyone
                        }
                        Instant at = g.requestedAt() != null ? g.requestedAt() : Instant.ofEpochMilli(r.timestamp());
                        if (at.isBefore(from) || at.isAfter(now)) {
                            continue;
                        }
                        takenAt.computeIfAbsent(g.userId(), u -> new ArrayList<>()).add(at);
                        Tier.parse(g.tier()).ifPresent(t -> tierOf.put(g.userId(), t));
                        count++;
                    }
                }
            }
        }
        takenAt.forEach((user, times) -> {
            Tier tier = tierOf.get(user);
            if (tier == null) {
                return;
            }
            TierLimit limit = tiers.of(tier);
            if (limit.perHour().isPresent()) {
                times.sort(null);
                buckets.restore(GenerationLimits.key(user), new Rate(limit.perHour().getAsInt(), window), times, now);
            }
        });
        replayed = count;
        done.set(true);
        LOG.infof("Counted %d generation requests of %d users from the last %s", count, takenAt.size(), window);
        return count;
    }

    /** The request, or null for a tombstone or a record that is not one (skipped, not fatal). */
    private GenerationRequested read(ConsumerRecord<String, byte[]> r) {
        try {
            return deserializer.deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            LOG.warnf("Skipping unreadable generation request at %s-%d@%d", r.topic(), r.partition(), r.offset());
            return null;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> end, Duration timeout) {
        for (TopicPartition p : partitions) {
            if (consumer.position(p, timeout) < end.get(p)) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // No group: partitions are assigned by hand and nothing is committed.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        // A missing topic holds no requests; creating it is TopicSetup's job, with the right partitions.
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return p;
    }
}
