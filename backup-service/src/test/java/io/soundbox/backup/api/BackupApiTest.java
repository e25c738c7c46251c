package io.soundbox.backup.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.soundbox.backup.config.BackupConfig;
import io.soundbox.backup.health.TempDataDir;
import io.soundbox.testsupport.HttpStub;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP API end to end on a real SQLite file and audio store: admin-only, backup, verify, restore. */
@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
@QuarkusTestResource(LibraryStub.class)
class BackupApiTest {
    @Inject
    BackupConfig config;

    Path db;

    @BeforeEach
    void library() throws Exception {
        db = config.backup().dbPath();
        Files.createDirectories(db.getParent());
        Files.createDirectories(config.audioDir());
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS generations(seq INTEGER PRIMARY KEY, id TEXT UNIQUE, prompt TEXT, "
                    + "filename TEXT, spectrogram TEXT)");
            s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS generations_fts USING fts5(prompt, content='generations', "
                    + "content_rowid='seq')");
            s.execute("CREATE TRIGGER IF NOT EXISTS generations_ai AFTER INSERT ON generations BEGIN "
                    + "INSERT INTO generations_fts(rowid, prompt) VALUES (new.seq, new.prompt); END");
            s.execute("INSERT OR IGNORE INTO generations(id, prompt, filename) VALUES ('g1', 'thunder over the hills', 'g1.wav')");
        }
        Files.writeString(config.audioDir().resolve("g1.wav"), "RIFF....WAVE pretend audio");
    }

    @Test
    void theApiIsForAdminsOnly() {
        given().get("/api/admin/backups").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:unauthorized"))
                .body("detail", containsString("internal token"));
        given().header("Authorization", "Bearer not-a-jwt").post("/api/backup/run").then().statusCode(401)
                .contentType("application/problem+json");
        as(token("alice", Set.of("creator"))).get("/api/backup/status").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("alice"));
    }

    @Test
    void backupListVerifyAndStatus() {
        String id = admin().post("/api/admin/backups").then().statusCode(201)
                .header("Location", containsString("/api/admin/backups/"))
                .body("trigger", equalTo("manual"))
                .body("integrity", equalTo("ok"))
                .body("audio_files", equalTo(1))
                .extract().path("id");

        admin().get("/api/admin/backups").then().statusCode(200).body("id", hasItem(id));
        admin().get("/api/admin/backups/" + id).then().statusCode(200).body("size_bytes", notNullValue());
        admin().post("/api/admin/backups/" + id + "/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("files_checked", equalTo(2)).body("integrity", equalTo("ok"));

        String runId = admin().post("/api/backup/run").then().statusCode(200)
                .body("status", equalTo("completed")).extract().path("backup.id");
        admin().get("/api/backup/status").then().statusCode(200)
                .body("last_status", equalTo("success"))
                .body("last_backup.id", equalTo(runId))
                .body("running", equalTo(false))
                .body("last_size_bytes", notNullValue());

        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("soundbox_backup_last_success_timestamp_seconds"))
                .body(containsString("soundbox_backup_last_size_bytes"))
                .body(containsString("soundbox_backup_failures_total"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'backup-freshness' }.data.newest", equalTo(runId));
    }

    @Test
    void restoreIsLibraryServicesAndOnlyTheAudioItsLibraryNamesComesBack() throws Exception {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("INSERT OR IGNORE INTO generations(id, prompt, filename) VALUES ('g2', 'deleted later', 'g2.wav')");
        }
        Files.writeString(config.audioDir().resolve("g2.wav"), "RIFF....WAVE deleted after the backup");
        String id = admin().post("/api/admin/backups").then().statusCode(201).extract().path("id");
        // After the backup: g2 deleted by its owner (row and file), g1's file lost.
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM generations WHERE id = 'g2'");
        }
        Files.delete(config.audioDir().resolve("g2.wav"));
        Files.delete(config.audioDir().resolve("g1.wav"));

        LibraryStub.stub.on("POST", "/api/admin/library/restore", HttpStub.Response.json(409, "{\"type\":"
                + "\"urn:soundbox:problem:restore-confirmation-required\",\"status\":409,\"detail\":\"would lose\","
                + "\"plan\":{\"losses\":[{\"kind\":\"playlists\",\"count\":1,\"ids\":[\"p1\"]}]}}"));
        admin().post("/api/admin/backups/" + id + "/restore").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:restore-confirmation-required"))
                .body("plan.losses[0].ids[0]", equalTo("p1"));
        assertThat(config.audioDir().resolve("g1.wav")).doesNotExist();

        LibraryStub.stub.on("POST", "/api/admin/library/restore", HttpStub.Response.json(200,
                "{\"status\":\"restored\",\"plan\":{\"losses\":[]}}"));
        admin().post("/api/admin/backups/" + id + "/restore?confirm=true").then().statusCode(200)
                .body("status", equalTo("restored")).body("library.plan.losses.size()", equalTo(0))
                .body("audio_restored", equalTo(1)).body("audio_skipped", equalTo(1));

        assertThat(config.audioDir().resolve("g1.wav")).hasContent("RIFF....WAVE pretend audio");
        assertThat(config.audioDir().resolve("g2.wav")).doesNotExist();
        HttpStub.Request asked = LibraryStub.stub.received().get(LibraryStub.stub.received().size() - 1);
        assertThat(asked.header("Authorization")).startsWith("Bearer ");
        assertThat(asked.body()).contains("\"confirm\":true", "\"dry_run\":false", "\"backup_id\":\"" + id + "\"",
                config.backupDir().resolve(id).resolve("library.db").toString());
    }

    @Test
    void badIdsAndFailuresAreProblems() throws Exception {
        admin().get("/api/admin/backups/..%2F..%2Fetc").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("not a backup id"));
        admin().post("/api/admin/backups/20200101T000000Z/restore").then().statusCode(404)
                .contentType("application/problem+json");

        Path backups = config.backupDir();
        Path aside = backups.resolveSibling("backups.aside");
        Files.move(backups, aside);
        Files.writeString(backups, "a file where the folder should be");
        try {
            admin().post("/api/admin/backups").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:soundbox:problem:backup-target-unwritable"))
                    .body("detail", containsString("is not a directory"));
            admin().get("/api/backup/status").then().statusCode(200)
                    .body("last_status", equalTo("failed"))
                    .body("last_error", containsString("is not a directory"));
        } finally {
            Files.delete(backups);
            Files.move(aside, backups);
        }
    }

    private String search(String match) throws Exception {
        try (Connection c = open(); PreparedStatement p = c.prepareStatement("SELECT group_concat(g.id) FROM "
                + "generations_fts f JOIN generations g ON g.seq = f.rowid WHERE generations_fts MATCH ?")) {
            p.setString(1, match);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private Connection open() throws Exception {
        return org.sqlite.JDBC.createConnection("jdbc:sqlite:" + db + "?journal_mode=WAL&busy_timeout=5000", new java.util.Properties());
    }

    private RequestSpecification admin() {
        return as(token("root", Set.of("creator", "admin")));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private String token(String user, Set<String> groups) {
        try {
            String pem = Files.readString(config.dataDir().resolve("keys/private.pem"), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Instant now = Instant.now();
            return Jwt.issuer("soundbox-gateway").audience("soundbox-internal").subject(user).upn(user)
                    .claim("tier", "creator").groups(groups).issuedAt(now).expiresAt(now.plusSeconds(60))
                    .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
