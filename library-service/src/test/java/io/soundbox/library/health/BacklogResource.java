package io.soundbox.library.health;

import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.kafka.EventSerializer;
import io.soundbox.testsupport.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A topic of its own with a backlog of generations published before the service starts, as after a
 * restart behind a busy generation-service: the service must not report ready before it stored them.
 */
public class BacklogResource implements QuarkusTestResourceLifecycleManager {
    static final int RECORDS = 20_000;

    @Override
    public Map<String, String> start() {
        String topic = "soundbox.audio.created.backlog-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(p, new StringSerializer(),
                new EventSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                String id = "backlog-" + UUID.randomUUID();
                producer.send(new ProducerRecord<>(topic, id, new AudioCreated(SchemaVersion.CURRENT, id, id,
                        id + ".wav", AudioKind.MUSIC, "music", "backlog clip " + i, 4.0, 32000, "backlog", true, 80,
                        null, null, false, List.of(), Instant.now())));
            }
            producer.flush();
        }
        return Map.of("kafka.bootstrap.servers", KafkaBroker.bootstrapServers(),
                "mp.messaging.incoming.audio-created.topic", topic);
    }

    @Override
    public void stop() {
    }
}
