package io.soundbox.library.api;

import static io.soundbox.library.api.ApiCalls.as;
import static io.soundbox.library.api.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.soundbox.events.Topics;
import io.soundbox.library.Eventually;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.InternalAuthResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import io.soundbox.testsupport.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The restore that library-service performs (backup-service's admin API and the CLI call it): on the real
 * in-JVM broker and real SQLite files, a backup is a VACUUM INTO copy of the live database in the backup
 * folder, as backup-service takes it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
@QuarkusTestResource(InternalAuthResource.class)
class RestoreApiTest extends LibraryApiTestBase {

    /** A backup as backup-service takes it: the database's consistent copy in the backup folder. */
    record Backup(String id, Path database, Instant createdAt) {
    }

    Backup backup() throws Exception {
        String id = "t" + UUID.randomUUID();
        Path folder = config.library().restore().backupDir().resolve(id);
        Files.createDirectories(folder);
        Instant at = Instant.now();
        Path copy = folder.resolve("library.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + config.library().dbPath());
             PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
            p.setString(1, copy.toString());
            p.execute();
        }
        return new Backup(id, copy, at);
    }

    Response restore(String token, Backup b, boolean confirm, boolean dryRun) {
        return as(token).body(Map.of("backup_id", b.id(), "backup_database", b.database().toString(),
                "backup_created_at", b.createdAt().toString(), "confirm", confirm, "dry_run", dryRun))
                .post("/api/admin/library/restore");
    }

    @Test
    void deletionsPrivacyAndEverythingAfterTheBackupSurviveARestoreUnderConcurrentWrites() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String ownerToken = api.user(owner);
        String fan = "fan-" + UUID.randomUUID();
        String x = api.ingest(owner, true, "made private after the backup");
        String y = api.ingest(owner, true, "deleted after the backup");
        String w = api.ingest(owner, true, "voted on after the backup");
        Backup backup = backup();

        as(ownerToken).delete("/api/generations/" + y).then().statusCode(200);
        as(ownerToken).body(Map.of("is_public", false)).put("/api/generations/" + x + "/visibility").then().statusCode(200);
        as(api.user(fan)).body(Map.of("vote", 1)).post("/api/generations/" + w + "/vote").then().statusCode(200);
        String z = api.ingest(owner, true, "created after the backup");
        ApiCalls.anonymous().body(Map.of("session_id", "s-" + UUID.randomUUID(), "source", "library"))
                .post("/api/track/" + w + "/play").then().statusCode(200);
        as(api.user(fan)).body(Map.of("source", "radio")).post("/api/track/" + w + "/play").then().statusCode(200);

        // Writers that keep going through the restore: new generations on the topic (the consumer waits
        // while the database is swapped) and favorites over HTTP (refused with 503 while it is, then retried).
        Set<String> published = ConcurrentHashMap.newKeySet();
        Set<String> favorited = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        String fanToken = api.user(fan);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Future<?> topic = writers.submit(() -> {
            while (!stop.get()) {
                String id = "gen-" + UUID.randomUUID();
                KafkaBroker.publish(Topics.AUDIO_CREATED, ApiCalls.audioCreated(id, owner, true, "concurrent", id + ".wav", null));
                published.add(id);
                // Paced by the library: the next one goes once this one is stored (which waits out a restore).
                Eventually.await(ApiCalls.WAIT, "generation " + id, () -> repository.findById(id).orElse(null));
            }
        });
        Future<?> http = writers.submit(() -> {
            int i = 0;
            while (!stop.get()) {
                String target = List.of(x, w, z).get(i++ % 3);
                int status = as(fanToken).post("/api/favorites/" + target).statusCode();
                if (status == 200) {
                    favorited.add(target);
                } else if (status == 503) {
                    refused.incrementAndGet();
                }
                if (i % 3 == 0) {
                    as(fanToken).delete("/api/favorites/" + target);
                    favorited.remove(target);
                }
            }
        });
        Eventually.await(ApiCalls.WAIT, "writes before the restore", () -> published.size() >= 5 ? true : null);

        JsonPath done = restore(api.admin(), backup, false, false).then().statusCode(200)
                .body("status", equalTo("restored")).extract().jsonPath();
        Eventually.await(ApiCalls.WAIT, "writes after the restore", () -> published.size() >= 10 ? true : null);
        stop.set(true);
        topic.get();
        http.get();
        writers.shutdown();

        assertThat(done.getList("plan.losses")).isEmpty();
        assertThat(done.getLong("plan.replayed.generation_deleted")).isGreaterThanOrEqualTo(1);
        assertThat(done.getLong("plan.replayed.visibility_changed")).isGreaterThanOrEqualTo(1);
        // Deleted stays deleted, private stays private, what came after the backup is there.
        assertThat(repository.findById(y)).isEmpty();
        assertThat(repository.findById(x)).get().satisfies(g -> assertThat(g.isPublic()).isFalse());
        assertThat(repository.findById(z)).isPresent();
        ApiCalls.anonymous().get("/api/library/" + w).then().statusCode(200).body("upvotes", equalTo(1))
                .body("play_count", equalTo(2));
        assertThat(done.getLong("plan.replayed.played")).isGreaterThanOrEqualTo(2); // and plays of the margin before
        for (String id : published) {
            Eventually.await(ApiCalls.WAIT, "generation " + id + " after the restore", () -> repository.findById(id).orElse(null));
        }
        for (String id : favorited) {
            as(fanToken).get("/api/favorites").then().statusCode(200).body("items.id", hasItem(id));
        }
    }

    @Test
    void aRestoreThatWouldLoseStateListsItAndChangesNothingUntilConfirmed() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String ownerToken = api.user(owner);
        String kept = api.ingest(owner, true, "in the backup");
        Backup backup = backup();
        String playlist = as(ownerToken).body(Map.of("name", "after the backup")).post("/api/playlists").then()
                .statusCode(201).extract().path("id");

        JsonPath dry = restore(api.admin(), backup, false, true).then().statusCode(200)
                .body("status", equalTo("dry_run")).extract().jsonPath();
        assertThat(dry.getList("plan.losses.kind")).contains("playlists");

        Response refused = restore(api.admin(), backup, false, false);
        JsonPath plan = problem(refused, 409).body("type", equalTo("urn:soundbox:problem:restore-confirmation-required"))
                .extract().jsonPath();
        assertThat(plan.getList("plan.losses.kind")).containsExactly("playlists");
        assertThat(plan.getList("plan.losses[0].ids")).containsExactly(playlist);
        assertThat(plan.getLong("plan.losses[0].count")).isEqualTo(1);
        as(ownerToken).get("/api/playlists/" + playlist).then().statusCode(200);

        restore(api.admin(), backup, true, false).then().statusCode(200).body("status", equalTo("restored"));
        as(ownerToken).get("/api/playlists/" + playlist).then().statusCode(404);
        assertThat(repository.findById(kept)).isPresent();
    }

    @Test
    void onlyAnAdminRestoresAndOnlyFromTheBackupFolder() throws Exception {
        Backup backup = backup();
        problem(restore(api.user("mallory"), backup, true, false), 403);
        Path outside = Files.createTempFile("not-a-backup", ".db");
        problem(restore(api.admin(), new Backup("x", outside, Instant.now()), true, false), 400);
    }

    @Test
    void readinessIncludesTheCaughtUpCheck() {
        io.restassured.RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("library-caught-up"));
    }
}
