package io.soundbox.library.api;

import static io.restassured.RestAssured.given;
import static io.soundbox.library.api.ApiCalls.as;
import static io.soundbox.library.api.ApiCalls.awaitEvent;
import static io.soundbox.library.api.ApiCalls.marker;
import static io.soundbox.library.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.LibraryEvent;
import io.soundbox.events.Topics;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.InternalAuthResource;
import io.soundbox.library.persistence.LibrarySchema;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every community endpoint through HTTP with internal tokens signed like the gateway's, items ingested
 * from the real topic, and the announcements read back from soundbox.library.events.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
@QuarkusTestResource(InternalAuthResource.class)
class CommunityApiTest extends LibraryApiTestBase {

    @Test
    void votesCountOncePerUserAndAreAnnounced() {
        String id = ingest("bob", true, "upbeat synthwave drive");
        String alice = user("alice");

        JsonPath first = as(alice).body(Map.of("vote", 1, "feedback_reasons", List.of("catchy")))
                .post("/api/library/" + id + "/vote").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("upvotes")).isEqualTo(1);
        assertThat(first.getInt("user_vote")).isEqualTo(1);
        // the alias, changing the vote
        as(alice).body(Map.of("generation_id", id, "vote", -1, "feedback_reasons", List.of("too_repetitive"),
                "notes", "private words")).post("/api/vote").then().statusCode(200)
                .body("upvotes", equalTo(0)).body("downvotes", equalTo(1)).body("user_vote", equalTo(-1));
        as(user("carol")).body(Map.of("vote", -1, "feedback_reasons", List.of("too_repetitive")))
                .post("/api/generations/" + id + "/vote").then().statusCode(200).body("downvotes", equalTo(2));
        given().get("/api/library/" + id + "/feedback").then().statusCode(200)
                .body("negative.too_repetitive", equalTo(2)).body(not("private words"));
        as(alice).body(Map.of("ids", List.of(id, "nope"))).post("/api/library/votes").then().statusCode(200)
                .body("votes." + id, equalTo(-1));
        as(alice).body(Map.of("vote", 0)).post("/api/library/" + id + "/vote").then().statusCode(200)
                .body("downvotes", equalTo(1)).body("user_vote", equalTo(0));
        as(alice).get("/api/history/votes").then().statusCode(200);

        problem(given().contentType(ContentType.JSON).body(Map.of("vote", 1)).post("/api/library/" + id + "/vote"), 401);
        problem(as(alice).body(Map.of("vote", 5)).post("/api/library/" + id + "/vote"), 400);
        problem(as(alice).body(Map.of("vote", 1, "feedback_reasons", List.of("x".repeat(51))))
                .post("/api/library/" + id + "/vote"), 400);
        problem(as(alice).body("{not json").post("/api/library/" + id + "/vote"), 400);
        problem(as(alice).body(Map.of("vote", 1)).post("/api/library/does-not-exist/vote"), 404);

        awaitEvent(e -> e.type() == LibraryEvent.Type.VOTED && id.equals(e.generationId())
                && "carol".equals(e.userId()) && Integer.valueOf(-1).equals(e.data().get("vote")));
    }

    @Test
    void privateItemsAreSeenOnlyByTheirOwnerAndAdmins() {
        String marker = marker();
        String id = ingest("dave", false, "hidden ambient drone " + marker);
        String dave = user("dave");

        given().get("/api/library/" + id).then().statusCode(404);
        as(user("eve")).get("/api/generations/" + id).then().statusCode(404);
        as(dave).get("/api/generations/" + id).then().statusCode(200).body("is_public", equalTo(false));
        as(admin()).get("/api/library/" + id).then().statusCode(200);
        assertThat(total(given(), marker)).isZero();
        assertThat(total(as(user("eve")), marker)).isZero();
        assertThat(total(as(dave), marker)).isEqualTo(1);
        problem(as(user("eve")).body(Map.of("vote", 1)).post("/api/library/" + id + "/vote"), 404);
        problem(as(user("eve")).post("/api/favorites/" + id), 404);
        problem(given().contentType(ContentType.JSON).body(Map.of()).post("/api/track/" + id + "/play"), 404);
        // never in radio, trending or counts for others
        for (int i = 0; i < 5; i++) {
            assertThat(given().queryParam("search", marker).queryParam("count", "50").get("/api/radio/shuffle")
                    .then().statusCode(200).extract().jsonPath().getList("tracks.id", String.class)).doesNotContain(id);
        }
        JsonPath mine = as(dave).get("/api/my-generations").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.id", String.class)).contains(id);
        as(dave).get("/api/my-generations/storage").then().statusCode(200)
                .body("private_count", equalTo(1)).body("limit", equalTo(20));
        given().get("/api/my-generations").then().statusCode(401);

        // visibility: only the owner or an admin
        problem(as(user("eve")).body(Map.of("is_public", true)).patch("/api/generations/" + id), 404);
        as(dave).body(Map.of("is_public", true)).patch("/api/generations/" + id).then().statusCode(200);
        given().get("/api/library/" + id).then().statusCode(200);
        assertThat(total(given(), marker)).isEqualTo(1);
        problem(as(user("eve")).body(Map.of("is_public", false)).put("/api/generations/" + id + "/visibility"), 403);
        as(admin()).body(Map.of("is_public", false)).post("/api/generations/" + id + "/visibility").then()
                .statusCode(200);
        given().get("/api/library/" + id).then().statusCode(404);
        awaitEvent(e -> e.type() == LibraryEvent.Type.VISIBILITY_CHANGED && id.equals(e.generationId()));
    }

    @Test
    void anOwnerDeleteRemovesTheRowAndTheFileAnnouncesItAndSurvivesAReplay() throws Exception {
        String id = "gen-" + UUID.randomUUID();
        Path audio = Files.createDirectories(config.audioDir()).resolve(id + ".wav");
        Files.write(audio, new byte[] {1, 2, 3});
        AudioCreated event = ApiCalls.audioCreated(id, "frank", true, "deletable rain", id + ".wav", null);
        api.publishAndAwait(event);

        problem(given().delete("/api/generations/" + id), 401);
        problem(as(user("eve")).delete("/api/generations/" + id), 403);
        assertThat(audio).exists();
        as(user("frank")).delete("/api/library/" + id).then().statusCode(200)
                .body("deleted", equalTo(true)).body("file_deleted", equalTo(true));
        assertThat(audio).doesNotExist();
        given().get("/api/generations/" + id).then().statusCode(404);
        problem(as(user("frank")).delete("/api/generations/" + id), 404);
        ConsumerRecord<String, LibraryEvent> deleted = awaitEvent(e -> e.type() == LibraryEvent.Type.GENERATION_DELETED
                && id.equals(e.generationId()));
        assertThat(deleted.key()).isEqualTo(id);
        assertThat(deleted.value().data()).containsEntry("filename", id + ".wav");

        // replaying the topic (the same event again, then a marker event after it) does not bring it back
        KafkaBroker.publish(Topics.AUDIO_CREATED, event);
        String after = ingest("frank", true, "after the replay");
        assertThat(after).isNotNull();
        assertThat(repository.findById(id)).isEmpty();
        awaitEvent(e -> e.type() == LibraryEvent.Type.GENERATION_ADDED && after.equals(e.generationId()));

        String other = ingest("frank", true, "admin deletes this");
        as(admin()).delete("/api/generations/" + other).then().statusCode(200).body("file_deleted", equalTo(false));
    }

    @Test
    void favoritesAddListCheckAndRemove() {
        String a = ingest("bob", true, "favorite one");
        String b = ingest("bob", true, "favorite two");
        String gina = user("gina");
        as(gina).post("/api/favorites/" + a).then().statusCode(200).body("is_favorite", equalTo(true));
        as(gina).body(Map.of("generation_id", b)).post("/api/favorites").then().statusCode(200);
        as(gina).get("/api/favorites").then().statusCode(200).body("total", equalTo(2));
        as(gina).body(Map.of("ids", List.of(a, b, "zzz"))).post("/api/favorites/check").then().statusCode(200)
                .body("favorites.size()", equalTo(2));
        JsonPath radio = as(gina).get("/api/radio/favorites").then().statusCode(200).extract().jsonPath();
        assertThat(radio.getList("tracks.id", String.class)).containsExactlyInAnyOrder(a, b);
        as(gina).delete("/api/favorites/" + a).then().statusCode(200).body("removed", equalTo(true));
        as(gina).get("/api/favorites").then().body("total", equalTo(1));
        problem(given().get("/api/favorites"), 401);
        problem(given().get("/api/radio/favorites"), 401);
        awaitEvent(e -> e.type() == LibraryEvent.Type.UNFAVORITED && a.equals(e.generationId()));
    }

    @Test
    void playlistsBelongToTheirOwner() {
        String a = ingest("bob", true, "track a");
        String b = ingest("bob", true, "track b");
        String hidden = ingest("bob", false, "track hidden");
        String hank = user("hank");
        String pid = as(hank).body(Map.of("name", "Road trip", "description", "for the car"))
                .post("/api/playlists").then().statusCode(201).extract().path("id");
        as(hank).body(Map.of("generation_id", a)).post("/api/playlists/" + pid + "/tracks").then().statusCode(200)
                .body("added", equalTo(true));
        as(hank).body(Map.of("generation_id", b)).post("/api/playlists/" + pid + "/tracks").then().statusCode(200)
                .body("track_count", equalTo(2));
        problem(as(hank).body(Map.of("generation_id", hidden)).post("/api/playlists/" + pid + "/tracks"), 404);
        as(hank).body(Map.of("track_order", List.of(b, a))).put("/api/playlists/" + pid + "/reorder").then()
                .statusCode(200);
        as(hank).get("/api/playlists/" + pid).then().statusCode(200).body("tracks.id", equalTo(List.of(b, a)));
        problem(as(hank).body(Map.of("track_order", List.of(a))).put("/api/playlists/" + pid + "/reorder"), 400);
        as(hank).get("/api/playlists").then().statusCode(200).body("total", equalTo(1));

        // others: a private playlist is not found, changes are refused
        problem(as(user("ivy")).get("/api/playlists/" + pid), 404);
        as(hank).body(Map.of("is_public", true, "name", "Road trip 2")).put("/api/playlists/" + pid).then()
                .statusCode(200).body("name", equalTo("Road trip 2"));
        given().get("/api/playlists/" + pid).then().statusCode(200).body("tracks.size()", equalTo(2));
        given().queryParam("shuffle", "true").get("/api/radio/playlist/" + pid).then().statusCode(200)
                .body("count", equalTo(2));
        problem(as(user("ivy")).body(Map.of("name", "mine now")).put("/api/playlists/" + pid), 403);
        problem(as(user("ivy")).delete("/api/playlists/" + pid + "/tracks/" + a), 403);
        problem(as(user("ivy")).delete("/api/playlists/" + pid), 403);
        problem(as(hank).body(Map.of("name", "x".repeat(101))).post("/api/playlists"), 400);
        problem(as(hank).body(Map.of("description", "no name")).post("/api/playlists"), 400);

        as(hank).delete("/api/playlists/" + pid + "/tracks/" + a).then().statusCode(200);
        problem(as(hank).delete("/api/playlists/" + pid + "/tracks/" + a), 404);
        as(admin()).delete("/api/playlists/" + pid).then().statusCode(200);
        problem(as(hank).get("/api/playlists/" + pid), 404);
        awaitEvent(e -> e.type() == LibraryEvent.Type.PLAYLIST_CHANGED && pid.equals(e.data().get("playlist_id"))
                && "deleted".equals(e.data().get("action")));
    }

    @Test
    void playsAreCountedDeDuplicatedAndCharted() {
        String id = ingest("bob", true, "played a lot");
        Map<String, Object> play = Map.of("session_id", "sess-1", "duration", 2.5, "source", "radio");
        given().contentType(ContentType.JSON).body(play).post("/api/track/" + id + "/play").then().statusCode(200)
                .body("play_count", equalTo(1)).body("unique_plays", equalTo(1)).body("counted", equalTo(true));
        given().contentType(ContentType.JSON).body(play).post("/api/track/" + id + "/play").then().statusCode(200)
                .body("play_count", equalTo(1)).body("counted", equalTo(false));
        as(user("jo")).body(Map.of("source", "library")).post("/api/track/" + id + "/play").then().statusCode(200)
                .body("play_count", equalTo(2)).body("unique_plays", equalTo(2));
        given().get("/api/track/" + id + "/stats").then().statusCode(200).body("play_count", equalTo(2))
                .body("plays_by_source.radio", equalTo(1));
        problem(given().contentType(ContentType.JSON).body(Map.of("source", "telepathy"))
                .post("/api/track/" + id + "/play"), 400);
        problem(given().contentType(ContentType.JSON).body(Map.of("session_id", "../../x y"))
                .post("/api/track/" + id + "/play"), 400);
        assertThat(given().get("/api/trending?hours=1&limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(id);
        assertThat(given().get("/api/most-played?limit=100").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class)).contains(id);
        as(user("jo")).get("/api/history/plays").then().statusCode(200).body("plays[0].generation_id", equalTo(id));
        awaitEvent(e -> e.type() == LibraryEvent.Type.PLAYED && id.equals(e.generationId()));
    }

    @Test
    void tagSuggestionsReachAConsensus() {
        String id = ingest("bob", true, "plain tune");
        for (String u : List.of("k1", "k2")) {
            as(user(u)).body(Map.of("category", "jazz", "action", "add")).post("/api/library/" + id + "/suggest-tag")
                    .then().statusCode(200).body("applied", equalTo(false));
        }
        as(user("k2")).get("/api/library/" + id + "/tag-suggestions").then().statusCode(200)
                .body("suggestions[0].users", equalTo(2)).body("suggestions[0].mine", equalTo(true));
        as(user("k2")).body(Map.of("category", "jazz")).post("/api/library/" + id + "/cancel-tag").then()
                .statusCode(200).body("cancelled", equalTo(true));
        as(user("k2")).body(Map.of("category", "jazz", "action", "add")).post("/api/library/" + id + "/suggest-tag");
        as(user("k3")).body(Map.of("category", "jazz", "action", "add")).post("/api/library/" + id + "/suggest-tag")
                .then().statusCode(200).body("applied", equalTo(true)).body("agreeing", equalTo(3));
        given().get("/api/library/" + id).then().body("category", org.hamcrest.Matchers.hasItem("jazz"));
        problem(as(user("k1")).body(Map.of("category", "rain", "action", "add"))
                .post("/api/library/" + id + "/suggest-tag"), 400); // an SFX category on music
        problem(as(user("k1")).body(Map.of("category", "jazz", "action", "shout"))
                .post("/api/library/" + id + "/suggest-tag"), 400);
        problem(given().contentType(ContentType.JSON).body(Map.of("category", "jazz"))
                .post("/api/library/" + id + "/suggest-tag"), 401);
        awaitEvent(e -> e.type() == LibraryEvent.Type.CATEGORY_CHANGED && id.equals(e.generationId()));
    }

    @Test
    void radioStationsAndNextTracksWithoutRepeats() {
        String marker = marker();
        for (int i = 0; i < 6; i++) {
            ingest("bob", true, "lofi chill beat " + marker + " " + i);
        }
        given().get("/api/radio/stations").then().statusCode(200).body("stations", org.hamcrest.Matchers.hasItem("lofi"));
        Set<String> heard = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            List<String> ids = given().queryParam("station", "shuffle").queryParam("search", marker)
                    .queryParam("session_id", "listener-" + marker).queryParam("count", "2").get("/api/radio/next")
                    .then().statusCode(200).extract().jsonPath().getList("tracks.id", String.class);
            assertThat(ids).hasSize(2);
            for (String id : ids) {
                assertThat(heard.add(id)).as("no repeat within a session").isTrue();
            }
        }
        for (String station : List.of("lofi", "shuffle", "top-rated", "new", "trending", "category:lofi")) {
            given().queryParam("station", station).get("/api/radio").then().statusCode(200)
                    .body("station", equalTo(station));
        }
        given().get("/api/radio/top-rated").then().statusCode(200);
        given().get("/api/radio/new?hours=1").then().statusCode(200);
        given().get("/api/radio/trending").then().statusCode(200);
        given().get("/api/radio/category/lofi").then().statusCode(200);
        given().get("/api/radio/shuffle?model=music&count=5").then().statusCode(200);
        problem(given().queryParam("station", "polka").get("/api/radio"), 400);
        problem(given().queryParam("count", "1000").get("/api/radio/next"), 400);
        problem(given().queryParam("session_id", "bad session!").get("/api/radio/next"), 400);
    }

    @Test
    void countsCategoriesAndStatistics() {
        String id = ingest("stat-user", true, "counted jazz saxophone");
        ingest("stat-user", false, "uncounted jazz saxophone");
        given().get("/api/library/counts").then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/library/category-counts?model=music").then().statusCode(200)
                .body("categories.jazz", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/categories/music").then().statusCode(200)
                .body("categories.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(50))
                .body("categories_with_counts.jazz", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/stats").then().statusCode(200).body("total_generations", org.hamcrest.Matchers.greaterThan(0));
        given().get("/api/stats/user/stat-user").then().statusCode(200).body("public_generations", equalTo(1))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("private_generations")));
        as(user("stat-user")).get("/api/stats/user/stat-user").then().statusCode(200)
                .body("private_generations", equalTo(1));
        problem(as(user("stat-user")).get("/api/stats/system"), 403);
        as(admin()).get("/api/stats/system").then().statusCode(200).body("schema_version", equalTo(LibrarySchema.latestVersion()));
        given().get("/api/library?sort=most_played&min_duration=1&max_duration=10").then().statusCode(200);
        given().get("/api/library?is_public=true&sort=top_rated").then().statusCode(200);
        problem(given().get("/api/library?min_duration=5&max_duration=1"), 400);
        problem(given().get("/api/library?min_duration=abc"), 400);
        assertThat(id).isNotNull();
    }

    @Test
    void badInternalTokensAreA401Problem() {
        problem(given().header("Authorization", "Bearer not-a-token").get("/api/library"), 401);
        String expired = Jwt.issuer("soundbox-gateway").audience("soundbox-internal").subject("x").claim("tier", "free")
                .issuedAt(Instant.now().minusSeconds(600)).expiresAt(Instant.now().minusSeconds(300)).sign(key());
        problem(given().header("Authorization", "Bearer " + expired).get("/api/favorites"), 401)
                .body("detail", containsString("expired"));
        String local = Jwt.issuer("soundbox-local").subject("x").claim("tier", "free")
                .expiresAt(Instant.now().plusSeconds(60)).sign(key());
        problem(given().header("Authorization", "Bearer " + local).get("/api/favorites"), 401);
    }

    // --- helpers (the shared ones are in ApiCalls) ---

    private String ingest(String user, boolean isPublic, String prompt) {
        return api.ingest(user, isPublic, prompt);
    }

    private String user(String name) {
        return api.user(name);
    }

    private String admin() {
        return api.admin();
    }

    private PrivateKey key() {
        return api.key();
    }

    private static long total(RequestSpecification spec, String marker) {
        return spec.queryParam("q", marker).get("/api/library").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private static org.hamcrest.Matcher<Object> not(String text) {
        return org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasToString(containsString(text)));
    }
}
