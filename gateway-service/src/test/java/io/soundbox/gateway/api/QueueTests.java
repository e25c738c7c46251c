package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.soundbox.events.GenerationControl;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.ModelId;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.GenerationControlDeserializer;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.DownstreamStub;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Cancel, skip (with the Aura wallet stub) and the queue view, against a real broker. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class QueueTests {

    private static String submit(String token, int duration, String prompt) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"prompt\":\"" + prompt + "\",\"duration\":" + duration + "}")
                .post("/generate").then().statusCode(202).extract().path("job_id");
    }

    private static GenerationControl controlFor(String jobId, GenerationControl.Action action) {
        List<ConsumerRecord<String, GenerationControl>> records = KafkaBroker.readUntil(Topics.GENERATION_CONTROL,
                new GenerationControlDeserializer(), r -> jobId.equals(r.key()) && r.value().action() == action,
                Duration.ofSeconds(20));
        return records.get(records.size() - 1).value();
    }

    private static void publishState(String jobId, String user, JobState state) {
        KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, jobId, user, ModelId.MUSIC, "p", 8, state, 0.1, 0,
                null, null, null, null, null, 0, Instant.now().plusSeconds(1)));
        eventually(Duration.ofSeconds(20), jobId + " is " + state, () -> state.wireName().equals(
                given().auth().oauth2(TestTokens.token("queue-admin", Tier.ADMIN)).get("/job/" + jobId)
                        .then().extract().path("status")));
    }

    private static List<Map<String, Object>> walletCalls(String jobId) {
        return DownstreamStub.received(TestTokens.stubUrl()).stream()
                .filter(r -> String.valueOf(r.get("path")).startsWith("/api/wallet/"))
                .filter(r -> String.valueOf(r.get("body")).contains(jobId)).toList();
    }

    @Test
    void theOwnerCancelsAnUnfinishedJobThroughTheControlTopic() {
        String user = "canceller-" + UUID.randomUUID();
        String token = TestTokens.token(user, Tier.FREE);
        String jobId = submit(token, 8, "cancel me please");

        given().auth().oauth2(TestTokens.token("stranger-" + UUID.randomUUID(), Tier.FREE))
                .post("/api/queue/" + jobId + "/cancel").then().statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(token).post("/api/queue/" + jobId + "/cancel").then().statusCode(202)
                .body("success", equalTo(true)).body("job_id", equalTo(jobId)).body("status", equalTo("queued"));
        GenerationControl cancel = controlFor(jobId, GenerationControl.Action.CANCEL);
        assertThat(cancel.userId()).isEqualTo(user);
        assertThat(cancel.at()).isNotNull();

        // The /job alias, and admins may cancel anyone's job.
        given().auth().oauth2(TestTokens.token("queue-admin", Tier.ADMIN)).post("/job/" + jobId + "/cancel")
                .then().statusCode(202);

        publishState(jobId, user, JobState.CANCELLED);
        given().auth().oauth2(token).post("/job/" + jobId + "/cancel").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("detail", containsString("already cancelled"));
        given().post("/job/" + jobId + "/cancel").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void skipChargesTheSkipPriceOnceAndPublishesASkip() {
        String user = "skipper-" + UUID.randomUUID();
        String token = TestTokens.token(user, Tier.PREMIUM);
        String jobId = submit(token, 45, "skip me ahead");
        given().auth().oauth2(token).get("/job/" + jobId).then().statusCode(200).body("skip", equalTo(false));

        given().auth().oauth2(token).post("/api/queue/" + jobId + "/skip").then().statusCode(200)
                .body("success", equalTo(true)).body("cost", equalTo(5)).body("currency", equalTo("aura"));
        assertThat(controlFor(jobId, GenerationControl.Action.SKIP).userId()).isEqualTo(user);

        List<Map<String, Object>> calls = walletCalls(jobId);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("path")).isEqualTo("/api/wallet/spend");
        assertThat(calls.get(0).get("authorization")).isEqualTo("Bearer " + token);
        JsonPath spend = new JsonPath((String) calls.get(0).get("body"));
        assertThat(spend.getInt("amount")).isEqualTo(5);
        assertThat(spend.getString("currency")).isEqualTo("aura");
        assertThat(spend.getString("app_id")).isEqualTo("soundbox");
        assertThat(spend.getString("item")).isNotBlank();
        assertThat(spend.getString("metadata.job_id")).isEqualTo(jobId);

        // Once per job, by either path.
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"job_id\":\"" + jobId + "\"}")
                .post("/api/queue/skip").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already skipped"));
        assertThat(walletCalls(jobId)).hasSize(1);

        given().auth().oauth2(token).get("/api/queue").then().statusCode(200)
                .body("my_jobs.find { it.job_id == '" + jobId + "' }.skipped", equalTo(true));
        given().auth().oauth2(token).get("/job/" + jobId).then().statusCode(200).body("skip", equalTo(true));
    }

    @Test
    void aSkipMadeThroughAnotherReplicaCountsHereToo() {
        String user = "replica-" + UUID.randomUUID();
        String token = TestTokens.token(user, Tier.FREE);
        String jobId = submit(token, 8, "skipped elsewhere");
        // Another gateway replica's skip, as it lands on the control topic.
        KafkaBroker.publish(Topics.GENERATION_CONTROL, new GenerationControl(1, jobId, user,
                GenerationControl.Action.SKIP, Instant.now()));
        eventually(Duration.ofSeconds(20), "the skip was read back", () -> Boolean.TRUE.equals(
                given().auth().oauth2(token).get("/api/queue").then().extract()
                        .path("my_jobs.find { it.job_id == '" + jobId + "' }.skipped")));
        given().auth().oauth2(token).post("/api/queue/" + jobId + "/skip").then().statusCode(409)
                .body("detail", containsString("already skipped"));
        assertThat(walletCalls(jobId)).isEmpty();
    }

    @Test
    void skipIsRefusedWhenTheBalanceIsShortOrTheJobIsNotQueued() {
        String poor = "poor-" + UUID.randomUUID();
        String poorToken = TestTokens.token(poor, Tier.FREE);
        String jobId = submit(poorToken, 8, "cannot afford it");
        given().auth().oauth2(poorToken).contentType(ContentType.JSON).body("{\"job_id\":\"" + jobId + "\"}")
                .post("/api/queue/skip").then().statusCode(402).contentType("application/problem+json")
                .body("cost", equalTo(1)).body("detail", containsString("insufficient balance"));
        assertThat(walletCalls(jobId)).extracting(r -> r.get("path")).containsExactly("/api/wallet/spend");

        given().auth().oauth2(poorToken).contentType(ContentType.JSON).body("{\"job\":1}").post("/api/queue/skip")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(poorToken).contentType(ContentType.JSON).body("{nope").post("/api/queue/skip")
                .then().statusCode(400).contentType("application/problem+json");

        String user = "started-" + UUID.randomUUID();
        String token = TestTokens.token(user, Tier.FREE);
        String running = submit(token, 8, "already running");
        publishState(running, user, JobState.GENERATING);
        given().auth().oauth2(token).post("/api/queue/" + running + "/skip").then().statusCode(409)
                .body("detail", containsString("only a queued job"));
        assertThat(walletCalls(running)).isEmpty();
        // Someone else's job looks like no job at all.
        given().auth().oauth2(poorToken).post("/api/queue/" + running + "/skip").then().statusCode(404);
    }

    @Test
    void aFailingWalletIsA503AndChargesNothing() {
        String user = "broke-" + UUID.randomUUID();
        String token = TestTokens.token(user, Tier.FREE);
        String jobId = submit(token, 8, "wallet is down");
        for (int attempt = 0; attempt < 2; attempt++) {
            // The second attempt is a 503 again, not "already skipped": a failed payment claims nothing.
            given().auth().oauth2(token).post("/api/queue/" + jobId + "/skip").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "10")
                    .body("detail", containsString("nothing was charged"))
                    .body("detail", org.hamcrest.Matchers.not(containsString("fire")));
        }
        assertThat(walletCalls(jobId)).extracting(c -> c.get("path"))
                .containsExactly("/api/wallet/spend", "/api/wallet/spend");
    }

    @Test
    void aJobThatStartsWhileTheSkipIsPaidIsRefundedAnd409() throws Exception {
        String user = "slow-" + UUID.randomUUID();
        String token = TestTokens.token(user, Tier.CREATOR);
        String jobId = submit(token, 150, "started during payment");

        // The wallet stub takes 2.5 s to charge a "slow-" user; the job starts meanwhile.
        CompletableFuture<Response> skip = CompletableFuture.supplyAsync(() ->
                given().auth().oauth2(token).post("/api/queue/" + jobId + "/skip"));
        eventually(Duration.ofSeconds(5), "the spend call arrived", () -> !walletCalls(jobId).isEmpty());
        publishState(jobId, user, JobState.LOADING);

        Response r = skip.get();
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<Boolean>path("refunded")).isTrue();
        List<Map<String, Object>> calls = walletCalls(jobId);
        assertThat(calls).extracting(c -> c.get("path")).containsExactly("/api/wallet/spend", "/api/wallet/refund");
        JsonPath refund = new JsonPath((String) calls.get(1).get("body"));
        assertThat(refund.getInt("amount")).isEqualTo(15);
        assertThat(refund.getString("transaction_id")).startsWith("tx-");
        assertThat(refund.getString("metadata.job_id")).isEqualTo(jobId);
    }

    @Test
    void skipPricingFollowsTheDurationBands() {
        given().get("/api/queue/skip-pricing").then().statusCode(200)
                .body("currency", equalTo("aura")).body("enabled", equalTo(true))
                .body("prices.cost", equalTo(List.of(1, 3, 5, 10, 15)))
                .body("prices[4].min_duration", equalTo(121));
        for (int[] c : new int[][] {{1, 1}, {10, 1}, {11, 3}, {30, 3}, {31, 5}, {60, 5}, {61, 10}, {120, 10},
                {121, 15}, {600, 15}}) {
            given().queryParam("duration", c[0]).get("/api/queue/skip-pricing").then().body("cost", equalTo(c[1]));
        }
        given().queryParam("duration", 0).get("/api/queue/skip-pricing").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("duration", "x").get("/api/queue/skip-pricing").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theQueueShowsMyJobsAndHidesOtherUsersPromptsFromNonAdmins() {
        String me = "viewer-" + UUID.randomUUID();
        String myToken = TestTokens.token(me, Tier.CREATOR);
        String other = "other-" + UUID.randomUUID();
        String mine = submit(myToken, 8, "my secret prompt");
        String theirs = submit(TestTokens.token(other, Tier.CREATOR), 8, "their secret prompt");

        JsonPath view = given().auth().oauth2(myToken).get("/api/queue").then().statusCode(200)
                .contentType(ContentType.JSON).body("full_view", equalTo(false)).extract().jsonPath();
        assertThat(view.getList("my_jobs.job_id")).containsExactly(mine);
        assertThat(view.getString("my_jobs[0].prompt")).isEqualTo("my secret prompt");
        assertThat(view.getInt("my_jobs[0].position")).isPositive();
        assertThat(view.getInt("queue_length")).isGreaterThanOrEqualTo(2);
        String body = given().auth().oauth2(myToken).get("/api/queue").asString();
        assertThat(body).doesNotContain("their secret prompt").doesNotContain(theirs).doesNotContain(other);

        String anonymous = given().get("/api/queue").then().statusCode(200).extract().asString();
        assertThat(anonymous).doesNotContain("secret prompt").doesNotContain(me);

        JsonPath admin = given().auth().oauth2(TestTokens.token("queue-admin", Tier.ADMIN)).get("/api/queue")
                .then().statusCode(200).body("full_view", equalTo(true)).extract().jsonPath();
        List<Map<String, Object>> jobs = admin.getList("jobs");
        assertThat(jobs).anySatisfy(j -> {
            assertThat(j.get("job_id")).isEqualTo(theirs);
            assertThat(j.get("prompt")).isEqualTo("their secret prompt");
            assertThat(j.get("user_id")).isEqualTo(other);
        });
    }
}
