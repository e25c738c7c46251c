package io.soundbox.library.api;

import static io.soundbox.library.api.ApiCalls.anonymous;
import static io.soundbox.library.api.ApiCalls.as;
import static io.soundbox.library.api.ApiCalls.awaitEvent;
import static io.soundbox.library.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.LibraryEvent;
import io.soundbox.library.Eventually;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.InternalAuthResource;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Moderation switched on, as a public deployment runs it: a public item waits for an admin, and until
 * then (or once rejected) no list, search, radio, chart, count or community action of others sees it.
 */
@QuarkusTest
@TestProfile(ModerationApiTest.ModerationOn.class)
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
@QuarkusTestResource(InternalAuthResource.class)
class ModerationApiTest extends LibraryApiTestBase {
    /** Turns moderation on. */
    public static class ModerationOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("soundbox.library.moderation.enabled", "true");
        }
    }


    @Test
    void aPendingItemIsHiddenEverywhereUntilApprovedAndAReplayKeepsTheDecision() {
        assertThat(config.library().moderation().enabled()).isTrue();
        String marker = ApiCalls.marker();
        String owner = "owner-" + UUID.randomUUID();
        String bob = api.user(owner);
        String eve = api.user("eve-" + UUID.randomUUID());
        Snapshot before = snapshot(owner);
        String id = "gen-" + UUID.randomUUID();
        AudioCreated event = ApiCalls.audioCreated(id, owner, true, "jazz saxophone " + marker, id + ".wav", null);
        api.publishAndAwait(event);

        awaitEvent(e -> e.type() == LibraryEvent.Type.GENERATION_ADDED && id.equals(e.generationId())
                && "pending".equals(e.data().get("review_status")) && Boolean.FALSE.equals(e.data().get("is_public"))
                && Boolean.TRUE.equals(e.data().get("requested_public")));
        as(bob).get("/api/my-generations").then().statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].review_status", equalTo("pending"));
        as(bob).get("/api/generations/" + id).then().statusCode(200).body("review_status", equalTo("pending"))
                .body("is_public", equalTo(false)).body("requested_public", equalTo(true))
                .body("download_count", equalTo(0));
        // the owner plays it: the play exists, yet no chart of others shows it
        as(bob).body(Map.of("source", "library")).post("/api/track/" + id + "/play").then().statusCode(200);
        String pid = as(bob).body(Map.of("name", "mine", "is_public", true)).post("/api/playlists").then()
                .statusCode(201).extract().path("id");
        as(bob).body(Map.of("generation_id", id)).post("/api/playlists/" + pid + "/tracks").then().statusCode(200);

        assertHiddenFromOthers(id, marker, owner, eve, pid);
        assertThat(snapshot(owner)).isEqualTo(before);
        assertThat(searchTotal(as(bob), marker)).isEqualTo(1);
        assertThat(as(bob).queryParam("user_id", owner).get("/api/library").then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class)).containsExactly(id);
        assertThat(lastPage(ReviewStatus.PENDING)).contains(id);

        String admin = api.admin();
        as(admin).body(Map.of("action", "approve")).post("/api/admin/moderate/" + id).then().statusCode(200)
                .body("success", equalTo(true)).body("id", equalTo(id)).body("action", equalTo("approve"))
                .body("review_status", equalTo("approved"));
        anonymous().get("/api/library/" + id).then().statusCode(200).body("is_public", equalTo(true))
                .body("review_status", equalTo("approved"));
        assertThat(searchTotal(anonymous(), marker)).isEqualTo(1);
        Snapshot approved = snapshot(owner);
        assertThat(approved.total()).isEqualTo(before.total() + 1);
        assertThat(approved.jazz()).isEqualTo(before.jazz() + 1);
        assertThat(approved.userPublic()).isEqualTo(1);
        assertThat(anonymous().get("/api/playlists/" + pid).then().extract().jsonPath().getList("tracks.id", String.class))
                .containsExactly(id);
        assertThat(anonymous().get("/api/trending?hours=1&limit=100").then().extract().jsonPath()
                .getList("items.id", String.class)).contains(id);
        awaitEvent(e -> e.type() == LibraryEvent.Type.VISIBILITY_CHANGED && id.equals(e.generationId())
                && "approve".equals(e.data().get("action")) && Boolean.TRUE.equals(e.data().get("is_public")));

        as(admin).body(Map.of("action", "reject")).post("/api/admin/moderate/" + id).then().statusCode(200)
                .body("review_status", equalTo("rejected"));
        assertHiddenFromOthers(id, marker, owner, eve, pid);
        assertThat(snapshot(owner)).isEqualTo(before);
        assertThat(lastPage(ReviewStatus.REJECTED)).contains(id);

        // replaying the topic (the same public event again, then a marker event after it) keeps the rejection
        api.publishAndAwait(event);
        api.ingest(owner, true, "after the replay " + marker);
        as(bob).get("/api/generations/" + id).then().statusCode(200).body("review_status", equalTo("rejected"))
                .body("is_public", equalTo(false));
        // the owner cannot publish a rejected item by toggling it
        as(bob).body(Map.of("is_public", false)).patch("/api/generations/" + id).then().statusCode(200);
        as(bob).body(Map.of("is_public", true)).patch("/api/generations/" + id).then().statusCode(200)
                .body("is_public", equalTo(false)).body("review_status", equalTo("rejected"));
        anonymous().get("/api/library/" + id).then().statusCode(404);
    }

    @Test
    void anOwnerMakingAnItemPublicWaitsForReviewAndPrivateIsImmediate() {
        String owner = "vis-" + UUID.randomUUID();
        String token = api.user(owner);
        String id = api.ingest(owner, false, "quiet rain");
        as(token).get("/api/generations/" + id).then().body("review_status", equalTo("approved"))
                .body("requested_public", equalTo(false));

        as(token).body(Map.of("is_public", true)).patch("/api/generations/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("is_public", equalTo(false)).body("requested_public", equalTo(true))
                .body("review_status", equalTo("pending"));
        anonymous().get("/api/library/" + id).then().statusCode(404);
        awaitEvent(e -> e.type() == LibraryEvent.Type.VISIBILITY_CHANGED && id.equals(e.generationId())
                && "pending".equals(e.data().get("review_status")));

        as(api.admin()).body(Map.of("action", "approved")).post("/api/admin/moderate/" + id).then().statusCode(200);
        anonymous().get("/api/library/" + id).then().statusCode(200);
        as(token).body(Map.of("is_public", false)).put("/api/generations/" + id + "/visibility").then().statusCode(200)
                .body("is_public", equalTo(false)).body("review_status", equalTo("approved"));
        anonymous().get("/api/library/" + id).then().statusCode(404);
        as(token).get("/api/my-generations/storage").then().statusCode(200).body("private_count", equalTo(1));
        as(token).body(Map.of("is_public", true)).post("/api/generations/" + id + "/visibility").then()
                .statusCode(200).body("review_status", equalTo("pending"));
        anonymous().get("/api/library/" + id).then().statusCode(404);
    }

    @Test
    void adminDecisionsCheckWhoAsksWhatAndWhich() throws Exception {
        String admin = api.admin();
        String user = api.user("plain-" + UUID.randomUUID());
        String owner = "bulk-" + UUID.randomUUID();
        String a = api.ingest(owner, true, "bulk one");
        String b = api.ingest(owner, true, "bulk two");

        problem(anonymous().get("/api/admin/moderation"), 401);
        problem(as(user).get("/api/admin/moderation"), 403);
        problem(as(user).body(Map.of("action", "approve")).post("/api/admin/moderate/" + a), 403);
        problem(as(user).body(Map.of("ids", List.of(a), "action", "approve")).post("/api/admin/moderate/bulk"), 403);
        problem(as(admin).get("/api/admin/moderation?status=maybe"), 400);
        problem(as(admin).get("/api/admin/moderation?per_page=1000"), 400);
        problem(as(admin).body(Map.of("action", "publish")).post("/api/admin/moderate/" + a), 400);
        problem(as(admin).body(Map.of()).post("/api/admin/moderate/" + a), 400);
        problem(as(admin).body(Map.of("action", "approve")).post("/api/admin/moderate/no-such-item"), 404);
        problem(as(admin).body(Map.of("ids", List.of(), "action", "approve")).post("/api/admin/moderate/bulk"), 400);
        problem(as(admin).body(Map.of("action", "approve")).post("/api/admin/moderate/bulk"), 400);
        problem(as(admin).body(Map.of("ids", Collections.nCopies(101, a), "action", "approve"))
                .post("/api/admin/moderate/bulk"), 400);
        problem(as(admin).body(Map.of("ids", List.of(a), "action", "nope")).post("/api/admin/moderate/bulk"), 400);
        // nothing was decided by the refused requests
        as(admin).get("/api/library/" + a).then().body("review_status", equalTo("pending"));

        JsonPath bulk = as(admin).body(Map.of("ids", List.of(a, b, "no-such-item"), "action", "approve"))
                .post("/api/admin/moderate/bulk").then().statusCode(200).extract().jsonPath();
        assertThat(bulk.getBoolean("success")).isTrue();
        assertThat(bulk.getInt("processed")).isEqualTo(2);
        assertThat(bulk.getList("results.id", String.class)).containsExactly(a, b, "no-such-item");
        assertThat(bulk.getList("results.success", Boolean.class)).containsExactly(true, true, false);
        assertThat(bulk.getString("results[0].review_status")).isEqualTo("approved");
        assertThat(bulk.getString("results[2].error")).isEqualTo("not found");
        anonymous().get("/api/library/" + b).then().statusCode(200);

        Path audio = Files.createDirectories(config.audioDir()).resolve(a + ".wav");
        Files.write(audio, new byte[] {1, 2, 3});
        as(admin).body(Map.of("ids", List.of(a), "action", "delete")).post("/api/admin/moderate/bulk").then()
                .statusCode(200).body("results[0].review_status", equalTo("deleted"));
        assertThat(audio).doesNotExist();
        as(admin).get("/api/library/" + a).then().statusCode(404);
        awaitEvent(e -> e.type() == LibraryEvent.Type.GENERATION_DELETED && a.equals(e.generationId())
                && Boolean.TRUE.equals(e.data().get("file_deleted")));

        as(admin).body(Map.of("action", "delete")).post("/api/admin/moderate/" + b).then().statusCode(200)
                .body("action", equalTo("delete")).body("review_status", equalTo("deleted"));
        problem(as(admin).body(Map.of("action", "delete")).post("/api/admin/moderate/" + b), 404);
        Eventually.await(ApiCalls.WAIT, "deleted", () -> repository.findById(b).isEmpty() ? true : null);
    }

    // --- helpers ---

    /** What others see of the library as a whole and of one user. */
    record Snapshot(long total, long jazz, long statsTotal, long userPublic, long userPlays) {
    }

    private Snapshot snapshot(String owner) {
        JsonPath counts = anonymous().get("/api/library/counts").then().statusCode(200).extract().jsonPath();
        JsonPath cats = anonymous().get("/api/library/category-counts?model=music").then().statusCode(200)
                .extract().jsonPath();
        JsonPath stats = anonymous().get("/api/stats").then().statusCode(200).extract().jsonPath();
        JsonPath user = anonymous().get("/api/stats/user/" + owner).then().statusCode(200).extract().jsonPath();
        Object jazz = cats.get("categories.jazz");
        return new Snapshot(counts.getLong("total"), jazz == null ? 0 : ((Number) jazz).longValue(),
                stats.getLong("total_generations"), user.getLong("public_generations"), user.getLong("plays_received"));
    }

    private void assertHiddenFromOthers(String id, String marker, String owner, String eve, String playlist) {
        anonymous().get("/api/library/" + id).then().statusCode(404);
        as(eve).get("/api/generations/" + id).then().statusCode(404);
        assertThat(searchTotal(anonymous(), marker)).isZero();
        assertThat(searchTotal(as(eve), marker)).isZero();
        assertThat(anonymous().queryParam("user_id", owner).get("/api/library").then().statusCode(200).extract()
                .jsonPath().getLong("total")).isZero();
        problem(as(eve).body(Map.of("vote", 1)).post("/api/library/" + id + "/vote"), 404);
        problem(as(eve).post("/api/favorites/" + id), 404);
        problem(anonymous().body(Map.of()).post("/api/track/" + id + "/play"), 404);
        problem(anonymous().get("/api/track/" + id + "/stats"), 404);
        problem(anonymous().post("/api/track/" + id + "/download"), 404);
        problem(anonymous().get("/api/library/" + id + "/feedback"), 404);
        String evePlaylist = as(eve).body(Map.of("name", "eve's")).post("/api/playlists").then().statusCode(201)
                .extract().path("id");
        problem(as(eve).body(Map.of("generation_id", id)).post("/api/playlists/" + evePlaylist + "/tracks"), 404);
        assertThat(anonymous().get("/api/playlists/" + playlist).then().statusCode(200).extract().jsonPath()
                .getList("tracks.id", String.class)).doesNotContain(id);
        assertThat(anonymous().get("/api/radio/playlist/" + playlist).then().statusCode(200).extract().jsonPath()
                .getInt("count")).isZero();
        for (String path : List.of("/api/trending?hours=1&limit=100", "/api/most-played?limit=100")) {
            assertThat(anonymous().get(path).then().statusCode(200).extract().jsonPath()
                    .getList("items.id", String.class)).as(path).doesNotContain(id);
        }
        for (String path : List.of("/api/radio/shuffle?count=50&search=" + marker, "/api/radio/new?hours=1",
                "/api/radio/trending", "/api/radio?station=new&limit=50", "/api/radio?station=trending&limit=50",
                "/api/radio/next?count=50&search=" + marker)) {
            assertThat(anonymous().get(path).then().statusCode(200).extract().jsonPath()
                    .getList("tracks.id", String.class)).as(path).doesNotContain(id);
        }
    }

    private static long searchTotal(RequestSpecification spec, String marker) {
        return spec.queryParam("q", marker).get("/api/library").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    /** The ids on the last page of the admin's queue of one status (the newest are last). */
    private List<String> lastPage(ReviewStatus status) {
        String admin = api.admin();
        JsonPath first = as(admin).queryParam("status", status.wireName()).queryParam("per_page", "100")
                .get("/api/admin/moderation").then().statusCode(200).extract().jsonPath();
        int pages = first.getInt("pages");
        List<String> ids = new ArrayList<>(as(admin).queryParam("status", status.wireName())
                .queryParam("per_page", "100").queryParam("page", String.valueOf(Math.max(1, pages)))
                .get("/api/admin/moderation").then().statusCode(200).body("per_page", equalTo(100))
                .extract().jsonPath().getList("items.id", String.class));
        return ids;
    }
}
