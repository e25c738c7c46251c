package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.GenerationRequestedDeserializer;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.DownstreamStub;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 at the gateway: private generations and the private storage limit. The library stub's
 * storage answer depends on the user id's prefix (see {@link DownstreamStub}).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class GeneratePrivateTests {

    private static String token(String prefix) {
        return TestTokens.token(prefix + UUID.randomUUID(), Tier.CREATOR);
    }

    private static Response generate(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/generate");
    }

    private static GenerationRequested sent(String jobId) {
        List<ConsumerRecord<String, GenerationRequested>> records = KafkaBroker.readUntil(
                Topics.GENERATION_REQUESTED, new GenerationRequestedDeserializer(), r -> jobId.equals(r.key()),
                Duration.ofSeconds(20));
        return records.get(records.size() - 1).value();
    }

    /** Storage questions the stub got from {@code user} (the subject of the internal token it saw). */
    private static long storageAsks(String user) {
        return DownstreamStub.received(TestTokens.stubUrl()).stream()
                .filter(r -> "/api/my-generations/storage".equals(r.get("path")))
                .filter(r -> user.equals(subject((String) r.get("authorization")))).count();
    }

    private static String subject(String authorization) {
        if (authorization == null) {
            return null;
        }
        String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        return json.replaceAll(".*\"sub\":\"([^\"]*)\".*", "$1");
    }

    @Test
    void aPrivateRequestIsQueuedPrivateWhenThereIsRoom() {
        String t = token("room1-");
        Response ok = generate(t, "{\"prompt\":\"a quiet secret\",\"is_public\":false}");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.<Boolean>path("is_public")).isFalse();
        assertThat(sent(ok.path("job_id")).isPublic()).isFalse();

        // 19 stored + this pending one fill the 20: the next private one is refused, a public one is not.
        Response full = generate(t, "{\"prompt\":\"one secret too many\",\"is_public\":false}");
        assertThat(full.statusCode()).isEqualTo(403);
        assertThat(full.contentType()).startsWith("application/problem+json");
        assertThat(full.<String>path("type")).isEqualTo("urn:soundbox:problem:storage-limit");
        assertThat(full.<Integer>path("private_count")).isEqualTo(19);
        assertThat(full.<Integer>path("pending_private")).isEqualTo(1);
        assertThat(full.<Integer>path("limit")).isEqualTo(20);
        assertThat(full.<String>path("cleanup_url")).isEqualTo("/api/my-generations/cleanup");

        Response pub = generate(t, "{\"prompt\":\"out in the open\"}");
        assertThat(pub.statusCode()).isEqualTo(202);
        assertThat(pub.<Boolean>path("is_public")).isTrue();
        assertThat(sent(pub.path("job_id")).isPublic()).isTrue();
    }

    @Test
    void aFullStorageRefusesPrivateRequestsOnly() {
        String t = token("full-");
        generate(t, "{\"prompt\":\"no room left\",\"private\":true}").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:storage-limit"))
                .body("private_count", equalTo(20)).body("limit", equalTo(20)).body("pending_private", equalTo(0));
        // Refused before anything was reserved: the tier's pending slots and hourly budget are untouched.
        given().auth().oauth2(t).get("/api/queue").then().statusCode(200).body("my_jobs.size()", equalTo(0));
        generate(t, "{\"prompt\":\"public is fine\",\"is_public\":true}").then().statusCode(202);
    }

    @Test
    void theOriginalsPrivateFlagAndUnlimitedStorage() {
        Response r = generate(token("unl-"), "{\"prompt\":\"as many as I like\",\"private\":true}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(sent(r.path("job_id")).isPublic()).isFalse();
    }

    @Test
    void publicRequestsDoNotAskTheLibrary() {
        String user = "libdown-" + UUID.randomUUID();
        String t = TestTokens.token(user, Tier.CREATOR);
        generate(t, "{\"prompt\":\"public while the library is down\"}").then().statusCode(202);
        assertThat(storageAsks(user)).isZero();
        generate(t, "{\"prompt\":\"private while the library is down\",\"is_public\":false}").then().statusCode(503);
        assertThat(storageAsks(user)).as("the private one did ask").isEqualTo(1);
    }

    @Test
    void aLibraryThatCannotSayIs503AndNothingIsQueued() {
        String t = token("libdown-");
        generate(t, "{\"prompt\":\"private while the library is down\",\"is_public\":false}").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:storage-unavailable"))
                .header("Retry-After", equalTo("5"));
        given().auth().oauth2(t).get("/api/queue").then().statusCode(200).body("my_jobs.size()", equalTo(0));
    }

    @Test
    void aMalformedVisibilityIsA400() {
        generate(token("x-"), "{\"prompt\":\"what am I\",\"is_public\":\"maybe\"}").then().statusCode(400)
                .body("type", equalTo("urn:soundbox:problem:invalid-visibility"));
    }
}
