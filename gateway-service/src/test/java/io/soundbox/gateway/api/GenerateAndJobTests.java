package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.eventually;
import static io.soundbox.gateway.support.GatewayTestSupport.guestToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.QualityReport;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.GenerationRequestedDeserializer;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class GenerateAndJobTests {

    @Test
    void guestTokenIsAFreeTierTokenThatAuthenticates() {
        Response r = given().post("/api/auth/guest").then().statusCode(200).contentType(ContentType.JSON)
                .body("tier", equalTo("free"))
                .body("user_id", startsWith("guest-"))
                .body("expires_in", equalTo(24 * 3600))
                .extract().response();
        String token = r.path("token");
        assertThat(token.split("\\.")).hasSize(3);
        // The token is accepted: an unknown job answers 404, not 401.
        given().auth().oauth2(token).get("/job/no-such-job").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void generatePublishesAKeyedRequestAndTheJobIsQueuedThenCompleted() {
        String token = guestToken();

        Response accepted = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"prompt\":\"  gentle rain on a tin roof \",\"model\":\"sfx\",\"duration\":12,\"loop\":true}")
                .post("/generate").then().statusCode(202).contentType(ContentType.JSON)
                .body("success", equalTo(true))
                .body("tier", equalTo("free"))
                .body("position", greaterThanOrEqualTo(1))
                .body("limits.max_duration", equalTo(30))
                .body("limits.per_hour", equalTo(3))
                .extract().response();
        String jobId = accepted.path("job_id");
        assertThat(accepted.<String>path("status_url")).isEqualTo("/job/" + jobId);
        assertThat(accepted.<String>path("queue_message")).isNotBlank();

        List<ConsumerRecord<String, GenerationRequested>> records = KafkaBroker.readUntil(
                Topics.GENERATION_REQUESTED, new GenerationRequestedDeserializer(),
                r -> jobId.equals(r.key()), Duration.ofSeconds(20));
        GenerationRequested sent = records.get(records.size() - 1).value();
        assertThat(sent.jobId()).isEqualTo(jobId);
        assertThat(sent.userId()).startsWith("guest-");
        assertThat(sent.tier()).isEqualTo("free");
        assertThat(sent.priority()).isEqualTo(4);
        assertThat(sent.model()).isEqualTo(ModelId.AUDIO);
        assertThat(sent.prompt()).isEqualTo("gentle rain on a tin roof");
        assertThat(sent.durationSeconds()).isEqualTo(12);
        assertThat(sent.loop()).isTrue();
        assertThat(sent.requestedAt()).isNotNull();

        given().auth().oauth2(token).get("/job/" + jobId).then().statusCode(200)
                .body("id", equalTo(jobId))
                .body("job_id", equalTo(jobId))
                .body("status", equalTo("queued"))
                .body("progress", equalTo(0))
                .body("audio_url", nullValue())
                .body("model", equalTo("audio"))
                .body("duration", equalTo(12));

        // generation-service's side of the contract: a completed status on the compacted topic.
        String file = jobId + ".wav";
        KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, jobId, sent.userId(), ModelId.AUDIO, sent.prompt(),
                12, JobState.COMPLETED, 1.0, 0, 0, file, jobId + ".png",
                new QualityReport(87, List.of(), true), null, 0, Instant.now()));

        eventually(Duration.ofSeconds(20), "job " + jobId + " completed", () -> "completed".equals(
                given().auth().oauth2(token).get("/job/" + jobId).then().extract().path("status")));
        given().auth().oauth2(token).get("/job/" + jobId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("progress", equalTo(100))
                .body("progress_pct", equalTo(100))
                .body("filename", equalTo(file))
                .body("audio_url", startsWith("/audio/" + file + "?exp="))
                .body("spectrogram", equalTo(jobId + ".png"))
                .body("spectrogram_url", startsWith("/spectrogram/" + jobId + ".png?exp="))
                .body("quality.score", equalTo(87))
                .body("quality.is_good", equalTo(true));
        java.util.Map<String, Object> quality = given().auth().oauth2(token).get("/job/" + jobId).then()
                .extract().path("quality");
        assertThat(quality).as("the original's quality fields, nothing else").containsOnlyKeys("score", "issues", "is_good");

        // A late, older status must not move the finished job back.
        KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, jobId, sent.userId(), ModelId.AUDIO, sent.prompt(),
                12, JobState.GENERATING, 0.5, 0, null, null, null, null, null, 0, Instant.now().minusSeconds(60)));
        // A poison record and then a fresh job prove the consumer survived both.
        KafkaBroker.publishRaw(Topics.JOB_STATUS, "poison", "{not json".getBytes(StandardCharsets.UTF_8));
        String marker = "marker-" + jobId;
        KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, marker, sent.userId(), ModelId.MUSIC, "marker job",
                8, JobState.GENERATING, 0.5, 0, 4, null, null, null, null, 0, Instant.now()));
        eventually(Duration.ofSeconds(20), "marker job visible", () ->
                given().auth().oauth2(token).get("/job/" + marker).statusCode() == 200);
        given().auth().oauth2(token).get("/job/" + marker).then()
                .body("status", equalTo("generating")).body("progress_pct", equalTo(50)).body("eta_s", equalTo(4));
        given().auth().oauth2(token).get("/job/" + jobId).then().body("status", equalTo("completed"));

        // Another user sees nothing, exactly like an unknown id.
        given().auth().oauth2(guestToken()).get("/job/" + jobId).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", equalTo("no job with this id"));
    }
}
