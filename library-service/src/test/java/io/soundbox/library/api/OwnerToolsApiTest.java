package io.soundbox.library.api;

import static io.soundbox.library.api.ApiCalls.anonymous;
import static io.soundbox.library.api.ApiCalls.as;
import static io.soundbox.library.api.ApiCalls.awaitEvent;
import static io.soundbox.library.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.soundbox.events.LibraryEvent;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.InternalAuthResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Private storage and its cleanup, downloads, the gateway's file lookup and Graphlings sources, with
 * moderation off (the default: every item is approved as it arrives).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
@QuarkusTestResource(InternalAuthResource.class)
class OwnerToolsApiTest extends LibraryApiTestBase {

    @Test
    void publicItemsAreApprovedAsTheyArriveWithModerationOff() {
        assertThat(config.library().moderation().enabled()).isFalse();
        String id = api.ingest("someone", true, "instantly public");
        anonymous().get("/api/library/" + id).then().statusCode(200).body("review_status", equalTo("approved"))
                .body("requested_public", equalTo(true)).body("is_public", equalTo(true))
                .body("source", nullValue()).body("download_count", equalTo(0));
    }

    @Test
    void storageCountsPrivateItemsAndCleanupRemovesTheOldestUnprotectedOnes() {
        String owner = "sam-" + UUID.randomUUID();
        String sam = api.user(owner);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            ids.add(api.ingest(owner, false, "private clip " + i));
        }
        api.ingest(owner, true, "a public clip does not count");
        as(sam).post("/api/favorites/" + ids.get(0)).then().statusCode(200);

        as(sam).get("/api/my-generations/storage").then().statusCode(200).body("tier", equalTo("free"))
                .body("private_count", equalTo(21)).body("used", equalTo(21)).body("limit", equalTo(20))
                .body("remaining", equalTo(0)).body("over_limit", equalTo(true))
                .body("favorites_protected", equalTo(1));

        JsonPath dry = as(sam).body(Map.of("dry_run", true)).post("/api/my-generations/cleanup").then()
                .statusCode(200).extract().jsonPath();
        assertThat(dry.getInt("deleted")).isZero();
        assertThat(dry.getBoolean("dry_run")).isTrue();
        assertThat(dry.getList("deleted_ids", String.class)).containsExactly(ids.get(1), ids.get(2));
        assertThat(dry.getInt("storage.used")).isEqualTo(21);
        assertThat(repository.findById(ids.get(1))).isPresent();

        JsonPath done = as(sam).body(Map.of()).post("/api/my-generations/cleanup").then().statusCode(200)
                .extract().jsonPath();
        assertThat(done.getInt("deleted")).isEqualTo(2);
        assertThat(done.getList("deleted_ids", String.class)).containsExactly(ids.get(1), ids.get(2));
        assertThat(done.getInt("storage.used")).isEqualTo(19);
        assertThat(done.getInt("storage.remaining")).isEqualTo(1);
        assertThat(done.getBoolean("storage.over_limit")).isFalse();
        assertThat(repository.findById(ids.get(1))).isEmpty();
        assertThat(repository.findById(ids.get(0))).as("a favorite is protected").isPresent();
        awaitEvent(e -> e.type() == LibraryEvent.Type.GENERATION_DELETED && ids.get(2).equals(e.generationId())
                && owner.equals(e.data().get("deleted_by")));

        as(sam).body(Map.of()).post("/api/my-generations/cleanup").then().statusCode(200)
                .body("deleted", equalTo(0)).body("deleted_ids.size()", equalTo(0));
        as(sam).body(Map.of("count", 1)).post("/api/my-generations/cleanup").then().statusCode(200)
                .body("deleted_ids", equalTo(List.of(ids.get(3))));
        problem(as(sam).body(Map.of("count", -1)).post("/api/my-generations/cleanup"), 400);
        problem(as(sam).body(Map.of("count", 1001)).post("/api/my-generations/cleanup"), 400);
        problem(anonymous().body(Map.of()).post("/api/my-generations/cleanup"), 401);
        problem(anonymous().get("/api/my-generations/storage"), 401);
        // another user's cleanup never touches sam's items
        as(api.user("other-" + UUID.randomUUID())).body(Map.of("count", 50)).post("/api/my-generations/cleanup")
                .then().statusCode(200).body("deleted", equalTo(0));
        assertThat(repository.findById(ids.get(4))).isPresent();
        as(api.admin()).get("/api/my-generations/storage").then().statusCode(200).body("limit", nullValue())
                .body("remaining", nullValue());
    }

    @Test
    void downloadsAreCountedForWhoeverMaySeeTheItem() {
        String owner = "dl-" + UUID.randomUUID();
        String pub = api.ingest(owner, true, "downloadable");
        String priv = api.ingest(owner, false, "private download");

        anonymous().post("/api/track/" + pub + "/download").then().statusCode(200)
                .body("download_count", equalTo(1)).body("generation_id", equalTo(pub));
        as(api.user("fan")).post("/api/track/" + pub + "/download").then().statusCode(200)
                .body("download_count", equalTo(2));
        anonymous().get("/api/track/" + pub + "/stats").then().statusCode(200).body("download_count", equalTo(2));
        anonymous().get("/api/library/" + pub).then().body("download_count", equalTo(2));

        problem(as(api.user("fan")).post("/api/track/" + priv + "/download"), 404);
        problem(anonymous().post("/api/track/" + priv + "/download"), 404);
        as(api.user(owner)).post("/api/track/" + priv + "/download").then().statusCode(200)
                .body("download_count", equalTo(1));
        as(api.service()).post("/api/track/" + priv + "/download").then().statusCode(200)
                .body("download_count", equalTo(2));
        problem(anonymous().post("/api/track/no-such-item/download"), 404);
        problem(as(api.service()).post("/api/track/no-such-item/download"), 404);
    }

    @Test
    void theGatewayLooksFilesUpWithItsServiceToken() {
        String owner = "files-" + UUID.randomUUID();
        String id = api.ingest(owner, false, "a private file");

        JsonPath byAudio = as(api.service()).get("/internal/files/" + id + ".wav").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byAudio.getString("id")).isEqualTo(id);
        assertThat(byAudio.getString("filename")).isEqualTo(id + ".wav");
        assertThat(byAudio.getString("spectrogram")).isEqualTo(id + "_spec.png");
        assertThat(byAudio.getString("user_id")).isEqualTo(owner);
        assertThat(byAudio.getBoolean("is_public")).isFalse();
        assertThat(byAudio.getBoolean("owner_public")).isFalse();
        assertThat(byAudio.getString("review_status")).isEqualTo("approved");
        assertThat(byAudio.getString("prompt")).isEqualTo("a private file");
        as(api.service()).get("/internal/files/" + id + "_spec.png").then().statusCode(200).body("id", equalTo(id));
        as(api.admin()).get("/internal/files/" + id + ".wav").then().statusCode(200);

        problem(as(api.user(owner)).get("/internal/files/" + id + ".wav"), 403);
        problem(anonymous().get("/internal/files/" + id + ".wav"), 403);
        problem(as(api.service()).get("/internal/files/bad!name.wav"), 400);
        problem(as(api.service()).get("/internal/files/" + "a".repeat(256)), 400);
        problem(as(api.service()).get("/internal/files/nobody.wav"), 404);
        problem(anonymous().header("Authorization", "Bearer forged").get("/internal/files/x.wav"), 401);
    }

    @Test
    void graphlingsSourcesListPublicItemsAndOnlyAdminsAssignThem() {
        String source = "pack_" + UUID.randomUUID().toString().substring(0, 8);
        String owner = "gr-" + UUID.randomUUID();
        String a = api.ingest(owner, true, "forest hum");
        String b = api.ingest(owner, true, "forest birds");
        String hidden = api.ingest(owner, false, "forest secret");
        String admin = api.admin();

        as(admin).body(Map.of("ids", List.of(a, b, hidden, "no-such-item"), "source", source))
                .post("/api/graphlings/set-source").then().statusCode(200).body("success", equalTo(true))
                .body("updated", equalTo(3));
        awaitEvent(e -> e.type() == LibraryEvent.Type.CATEGORY_CHANGED && a.equals(e.generationId())
                && source.equals(e.data().get("source")) && "set_source".equals(e.data().get("action")));

        JsonPath all = anonymous().get("/api/graphlings/sources").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("sources.id", String.class)).contains(source);
        assertThat(all.getInt("total")).isEqualTo(all.getList("sources").size());
        assertThat(all.getInt("sources.find { it.id == '" + source + "' }.count")).isEqualTo(2);
        anonymous().get("/api/graphlings/sources/" + source).then().statusCode(200).body("id", equalTo(source))
                .body("count", equalTo(2)).body("items.id", equalTo(List.of(b, a)));
        anonymous().get("/api/graphlings/library?source=" + source + "&per_page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("pages", equalTo(2)).body("items.id", equalTo(List.of(b)));
        anonymous().get("/api/graphlings/library?source=" + source + "&model=music").then().body("total", equalTo(2));
        anonymous().get("/api/library?source=" + source).then().statusCode(200).body("total", equalTo(2))
                .body("items.source", hasItem(source));
        as(api.user(owner)).get("/api/library?source=" + source).then().body("total", equalTo(3));

        Map<String, Object> clear = new HashMap<>();
        clear.put("generation_id", b);
        clear.put("source", null);
        as(admin).body(clear).post("/api/graphlings/set-source").then().statusCode(200).body("updated", equalTo(1));
        anonymous().get("/api/graphlings/sources/" + source).then().body("count", equalTo(1));
        anonymous().get("/api/graphlings/sources/nothing_here").then().statusCode(200).body("count", equalTo(0))
                .body("items.size()", equalTo(0));

        problem(as(api.user(owner)).body(Map.of("ids", List.of(a), "source", source)).post("/api/graphlings/set-source"), 403);
        problem(anonymous().body(Map.of("ids", List.of(a), "source", source)).post("/api/graphlings/set-source"), 401);
        problem(as(admin).body(Map.of("ids", List.of(a), "source", "Bad Source!")).post("/api/graphlings/set-source"), 400);
        problem(as(admin).body(Map.of("source", source)).post("/api/graphlings/set-source"), 400);
        problem(as(admin).body(Map.of("ids", Collections.nCopies(101, a), "source", source))
                .post("/api/graphlings/set-source"), 400);
        problem(anonymous().get("/api/graphlings/sources/Bad!"), 400);
        problem(anonymous().get("/api/graphlings/library?source=NO%20WAY"), 400);
        problem(anonymous().get("/api/library?source=NO%20WAY"), 400);
        problem(anonymous().get("/api/graphlings/library?per_page=500"), 400);
    }
}
