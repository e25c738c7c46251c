package io.soundbox.library.restore;

import io.soundbox.events.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from a point in time up to its end as of the start of the read, with a plain consumer
 * of no group (so no committed offset of the service moves), one poll's records at a time (memory stays
 * bounded by max.poll.records whatever the length of the topic). Unreadable records are counted and skipped.
 */
final class TopicReplay {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(15);
    /** The whole read gives up after this: a restore must not hang on a broker that went away. */
    private static final Duration MAX_READ = Duration.ofMinutes(5);

    record Read(long records, long unreadable, Map<Integer, Long> endOffsets) {
    }

    private final String bootstrapServers;

    TopicReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Hands every readable record with a timestamp at or after {@code since}, in partition order, to the sink. */
    <T> Read read(String topic, Class<T> type, Instant since, Consumer<List<ConsumerRecord<String, T>>> sink) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "library-restore-" + topic);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(API_TIMEOUT.toMillis()));
        long records = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, API_TIMEOUT);
            List<TopicPartition> partitions = infos == null ? List.of()
                    : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            if (partitions.isEmpty()) {
                return new Read(0, 0, Map.of());
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, API_TIMEOUT);
            Map<TopicPartition, Long> atTime = new HashMap<>();
            partitions.forEach(tp -> atTime.put(tp, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(atTime, API_TIMEOUT);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp start = starts.get(tp);
                long from = start == null ? ends.get(tp) : start.offset();
                consumer.seek(tp, from);
                if (from < ends.get(tp)) {
                    remaining.put(tp, ends.get(tp));
                }
            }
            Instant deadline = Instant.now().plus(MAX_READ);
            while (!remaining.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("reading " + topic + " for the restore took longer than "
                            + MAX_READ + "; " + remaining.size() + " partition(s) unfinished");
                }
                List<ConsumerRecord<String, T>> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = remaining.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    T value = parse(r.value(), type);
                    if (value == null) {
                        unreadable++;
                    } else {
                        batch.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(), value));
                    }
                }
                for (TopicPartition tp : List.copyOf(remaining.keySet())) {
                    if (consumer.position(tp) >= remaining.get(tp)) {
                        remaining.remove(tp);
                        consumer.pause(List.of(tp));
                    }
                }
                records += batch.size();
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
            }
            Map<Integer, Long> endByPartition = new HashMap<>();
            ends.forEach((tp, end) -> endByPartition.put(tp.partition(), end));
            return new Read(records, unreadable, endByPartition);
        }
    }

    private static <T> T parse(byte[] value, Class<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return EventJson.fromBytes(value, type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
