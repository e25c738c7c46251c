package io.soundbox.library.health;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.messaging.AudioCreatedConsumer;
import io.soundbox.library.messaging.ConsumerProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN after start until the library has stored soundbox.audio.created up to a small lag
 * ({@code soundbox.library.readiness.max-lag} records), so that `./soundbox up` and the gateway do not
 * treat a library that is still replaying its topic as ready. Cheap: once caught up it stays UP without
 * asking anything (a lag later is normal work, not unreadiness), and before that it asks the broker for
 * the end offsets at most once a second.
 */
@Readiness
@ApplicationScoped
public class CaughtUpCheck implements HealthCheck {
    static final String NAME = "library-caught-up";
    private static final Duration ASK_EVERY = Duration.ofSeconds(1);
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaClientService kafka;
    private final ConsumerProgress progress;
    private final long maxLag;
    private volatile boolean caughtUp;
    private volatile long askedAt;
    private volatile HealthCheckResponse last;

    public CaughtUpCheck(KafkaClientService kafka, ConsumerProgress progress, LibraryConfig config) {
        this.kafka = kafka;
        this.progress = progress;
        this.maxLag = config.library().readiness().maxLag();
    }

    @Override
    public synchronized HealthCheckResponse call() {
        if (caughtUp) {
            return HealthCheckResponse.named(NAME).up().build();
        }
        if (last != null && System.nanoTime() - askedAt < ASK_EVERY.toNanos()) {
            return last;
        }
        askedAt = System.nanoTime();
        last = ask();
        return last;
    }

    private HealthCheckResponse ask() {
        KafkaConsumer<Object, Object> consumer;
        try {
            consumer = kafka.getConsumer(AudioCreatedConsumer.CHANNEL);
        } catch (RuntimeException e) {
            consumer = null;
        }
        if (consumer == null) {
            return down("the soundbox.audio.created consumer has not started");
        }
        Long lag;
        try {
            lag = consumer.runOnPollingThread(c -> {
                Set<TopicPartition> assigned = c.assignment();
                if (assigned.isEmpty()) {
                    return (Long) null;
                }
                Map<TopicPartition, Long> ends = c.endOffsets(assigned, BROKER_TIMEOUT);
                Map<TopicPartition, Long> starts = c.beginningOffsets(assigned, BROKER_TIMEOUT);
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(c.committed(assigned, BROKER_TIMEOUT));
                long sum = 0;
                for (TopicPartition tp : assigned) {
                    OffsetAndMetadata done = committed.get(tp);
                    long stored = Math.max(progress.next(tp.partition()),
                            done == null ? starts.getOrDefault(tp, 0L) : done.offset());
                    sum += Math.max(0, ends.getOrDefault(tp, 0L) - stored);
                }
                return sum;
            }).await().atMost(BROKER_TIMEOUT.multipliedBy(4));
        } catch (RuntimeException e) {
            return down("cannot read the lag on soundbox.audio.created: " + e.getMessage());
        }
        if (lag == null) {
            return down("waiting for the partitions of soundbox.audio.created to be assigned");
        }
        if (lag <= maxLag) {
            caughtUp = true;
            return HealthCheckResponse.named(NAME).up().withData("lag", lag).build();
        }
        return HealthCheckResponse.named(NAME).down().withData("lag", lag).withData("max_lag", maxLag)
                .withData("reason", "still storing soundbox.audio.created").build();
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }
}
