package io.soundbox.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.events.GenerationControl;
import io.soundbox.events.kafka.GenerationControlDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
    @Test
    void aPublishedEventCanBeReadBackFromTheRealBroker() {
        String job = UUID.randomUUID().toString();
        KafkaBroker.publish("test.control", new GenerationControl(1, job, "u", GenerationControl.Action.CANCEL,
                Instant.now()));
        var records = KafkaBroker.readUntil("test.control", new GenerationControlDeserializer(),
                r -> job.equals(r.key()), Duration.ofSeconds(30));
        assertThat(records.get(records.size() - 1).value().action()).isEqualTo(GenerationControl.Action.CANCEL);
    }

    @Test
    void tokensCarryUserAndTier() {
        TestJwts jwts = new TestJwts();
        String token = jwts.token("https://issuer", "ann", "premium");
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])))
                .contains("\"upn\":\"ann\"", "\"tier\":\"premium\"");
    }

    @Test
    void topicBootstrapCreatesTheCompactedStatusTopicOnceAndIsIdempotent() throws Exception {
        var created = io.soundbox.events.kafka.TopicBootstrap.ensure(KafkaBroker.bootstrapServers(),
                io.soundbox.events.TopicSpec.ALL, (short) 1, 30_000);
        var again = io.soundbox.events.kafka.TopicBootstrap.ensure(KafkaBroker.bootstrapServers(),
                io.soundbox.events.TopicSpec.ALL, (short) 1, 30_000);
        assertThat(again).isEmpty();
        try (var admin = KafkaBroker.admin()) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, io.soundbox.events.Topics.JOB_STATUS);
            var config = admin.describeConfigs(java.util.List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
            assertThat(admin.describeTopics(java.util.List.of(io.soundbox.events.Topics.GENERATION_REQUESTED))
                    .allTopicNames().get().get(io.soundbox.events.Topics.GENERATION_REQUESTED).partitions()).hasSize(12);
        }
        assertThat(created.size() + again.size()).isLessThanOrEqualTo(5);
    }
}
