package io.soundbox.library.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.LibraryEvent;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.LibraryEventDeserializer;
import io.soundbox.library.Eventually;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.testsupport.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the API tests share: tokens signed like the gateway's, ingestion through the topic, problems, events. */
final class ApiCalls {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final GenerationRepository repository;
    private final String privateKeyPath;

    ApiCalls(GenerationRepository repository, String privateKeyPath) {
        this.repository = repository;
        this.privateKeyPath = privateKeyPath;
    }

    /** Publishes an AudioCreated and waits until the library stored it. */
    String ingest(String user, boolean isPublic, String prompt) {
        String id = "gen-" + UUID.randomUUID();
        publishAndAwait(audioCreated(id, user, isPublic, prompt, id + ".wav", id + "_spec.png"));
        return id;
    }

    void publishAndAwait(AudioCreated event) {
        KafkaBroker.publish(Topics.AUDIO_CREATED, event);
        Eventually.await(WAIT, "ingested " + event.generationId(), () -> repository.findById(event.generationId()).orElse(null));
    }

    static AudioCreated audioCreated(String id, String user, boolean isPublic, String prompt, String filename,
                                     String spectrogram) {
        return new AudioCreated(SchemaVersion.CURRENT, id, id, filename, AudioKind.MUSIC, "music", prompt, 4.0, 32000,
                user, isPublic, 80, spectrogram, null, false, List.of(), Instant.now());
    }

    String user(String name) {
        return token(name, Set.of("free"), "free");
    }

    String user(String name, String tier) {
        return token(name, Set.of(tier), tier);
    }

    String admin() {
        return token("admin-" + UUID.randomUUID(), Set.of("creator", "admin"), "admin");
    }

    /** The gateway's own token for its internal calls. */
    String service() {
        return token("soundbox-gateway", Set.of("service"), "free");
    }

    String token(String user, Set<String> groups, String tier) {
        Instant now = Instant.now();
        return Jwt.issuer("soundbox-gateway").audience("soundbox-internal").subject(user).claim("tier", tier)
                .groups(groups).issuedAt(now).expiresAt(now.plusSeconds(60))
                .claim("jti", UUID.randomUUID().toString()).sign(key());
    }

    /** The gateway's signing key, for tokens the helpers above do not make (expired, foreign). */
    PrivateKey key() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(privateKeyPath)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    static ValidatableResponse problem(Response r, int status) {
        return r.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status)).body("detail", org.hamcrest.Matchers.notNullValue());
    }

    static ConsumerRecord<String, LibraryEvent> awaitEvent(Predicate<LibraryEvent> p) {
        List<ConsumerRecord<String, LibraryEvent>> seen = KafkaBroker.readUntil(Topics.LIBRARY_EVENTS,
                new LibraryEventDeserializer(), r -> r.value() != null && p.test(r.value()), WAIT);
        ConsumerRecord<String, LibraryEvent> last = seen.get(seen.size() - 1);
        // keyed by the generation it is about, an event about none (a playlist's) by its own id
        assertThat(last.key()).isEqualTo(last.value().key());
        return last;
    }

    /** A word no other test uses, for searches. */
    static String marker() {
        StringBuilder sb = new StringBuilder("mk");
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit)
                .forEach(ch -> sb.append((char) ('a' + Character.digit(ch, 16))));
        return sb.toString();
    }
}
