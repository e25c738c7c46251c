import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * After a restore, moves library-service's consumer group back to the backup's time on
 * soundbox.audio.created, so that the generations made after the backup are ingested again when
 * library-service starts (its upsert by generation id makes a replay safe). Offsets only ever move
 * back. library-service must be stopped: Kafka refuses to move the offsets of a group with members.
 * Run with the broker's classpath: {@code java -cp KAFKA_CP ReplayLibraryIngest.java BOOTSTRAP GROUP TOPIC ISO_INSTANT}.
 */
public class ReplayLibraryIngest {
    /** Records produced a little before the snapshot may have been consumed only after it. */
    static final Duration MARGIN = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ReplayLibraryIngest BOOTSTRAP GROUP TOPIC ISO_INSTANT");
            System.exit(2);
        }
        String group = args[1];
        String topic = args[2];
        long since = Instant.parse(args[3]).minus(MARGIN).toEpochMilli();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        try (Admin admin = Admin.create(p)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(20, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, OffsetSpec> atTime = new HashMap<>();
            Map<TopicPartition, OffsetSpec> atEnd = new HashMap<>();
            for (TopicPartition tp : partitions) {
                atTime.put(tp, OffsetSpec.forTimestamp(since));
                atEnd.put(tp, OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResultInfo> fromTime = admin.listOffsets(atTime).all().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(atEnd).all().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
            long replayed = 0;
            for (TopicPartition tp : partitions) {
                long target = fromTime.get(tp).offset() >= 0 ? fromTime.get(tp).offset() : ends.get(tp).offset();
                OffsetAndMetadata current = committed.get(tp);
                if (current != null && current.offset() > target) {
                    rewind.put(tp, new OffsetAndMetadata(target));
                    replayed += current.offset() - target;
                }
            }
            if (!rewind.isEmpty()) {
                admin.alterConsumerGroupOffsets(group, rewind).all().get(20, TimeUnit.SECONDS);
            }
            System.out.println("library-service will re-ingest " + replayed + " " + topic
                    + " record(s) from " + Instant.ofEpochMilli(since) + " on");
        }
    }
}
