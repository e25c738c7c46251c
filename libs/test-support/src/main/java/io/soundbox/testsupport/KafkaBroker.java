package io.soundbox.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import io.soundbox.events.SoundboxEvent;
import io.soundbox.events.kafka.EventSerializer;

/**
 * A real single-node KRaft Kafka broker inside the test JVM (Kafka's own test kit). One broker serves
 * every test class of a JVM: it starts in about two seconds, and restarting it per class would double
 * the suite's time. Tests keep apart by using unique job and generation ids.
 */
public final class KafkaBroker {
    private static KafkaClusterTestKit cluster;
    private static java.nio.file.Path baseDirectory;

    private KafkaBroker() {
    }

    /** Starts the broker on first use and returns its bootstrap address. */
    public static synchronized String bootstrapServers() {
        if (cluster == null) {
            try {
                // Kafka halts the JVM (Exit.halt) when a log directory fails, as the temporary directory
                // does when a shutdown hook deletes it under a broker that is still stopping: the test JVM
                // then exits with status 1 after green tests. Kafka's own test harness swaps the procedures.
                org.apache.kafka.common.utils.Exit.setHaltProcedure((code, message) ->
                        System.err.println("in-JVM Kafka broker asked to halt (" + code + "): " + message));
                org.apache.kafka.common.utils.Exit.setExitProcedure((code, message) ->
                        System.err.println("in-JVM Kafka broker asked to exit (" + code + "): " + message));
                // Our own directory, deleted only after the broker stopped (see closeQuietly).
                baseDirectory = java.nio.file.Files.createTempDirectory("soundbox-test-kafka-");
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setBaseDirectory(baseDirectory)
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setDeleteOnClose(false)
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("num.partitions", "3")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                cluster = kit;
                Runtime.getRuntime().addShutdownHook(new Thread(KafkaBroker::closeQuietly, "kafka-test-broker-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void closeQuietly() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // the JVM is exiting
            }
            cluster = null;
            try (var paths = java.nio.file.Files.walk(baseDirectory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // best effort: it is a temporary directory
            }
        }
    }

    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Publishes an event the way the services do: JSON value, keyed by the event's own key, acknowledged. */
    public static void publish(String topic, SoundboxEvent event) {
        publishRaw(topic, event.key(), new EventSerializer().serialize(topic, event));
    }

    public static void publishRaw(String topic, String key, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /**
     * Reads the topic from the beginning until a record matches or the timeout passes, and returns all
     * records read (the matching one last). Deserialises with the given event deserializer.
     */
    public static <T> List<ConsumerRecord<String, T>> readUntil(String topic, Deserializer<T> deserializer,
                                                               Predicate<ConsumerRecord<String, T>> done,
                                                               Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, T>> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    T value = deserializer.deserialize(topic, r.value());
                    ConsumerRecord<String, T> typed = new ConsumerRecord<>(r.topic(), r.partition(), r.offset(),
                            r.key(), value);
                    seen.add(typed);
                    if (done.test(typed)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + "; saw " + seen.size()
                + " records: " + seen.stream().map(ConsumerRecord::value).toList());
    }
}
