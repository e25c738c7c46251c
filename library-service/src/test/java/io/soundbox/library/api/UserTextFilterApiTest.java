package io.soundbox.library.api;

import static io.soundbox.library.api.ApiCalls.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.InternalAuthResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The library applies the content policy itself to all user text it stores, on every route and alias,
 * whatever the gateway in front did: each case is refused with the gateway's shape, and the SQLite file
 * (opened here with its own connection) holds nothing of it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
@QuarkusTestResource(InternalAuthResource.class)
class UserTextFilterApiTest extends LibraryApiTestBase {

    @Test
    void voteNotesWithABlockedWordAreRefusedOnEveryVoteRoute() throws SQLException {
        String id = api.ingest("owner-" + UUID.randomUUID(), true, "warm analog pads");
        String voter = "voter-" + UUID.randomUUID();
        String token = api.user(voter);
        Map<String, String> routes = Map.of(
                "/api/vote", "{\"generation_id\":\"" + id + "\",\"vote\":1,\"notes\":\"this is sh1t\"}",
                "/api/generations/" + id + "/vote", "{\"vote\":1,\"notes\":\"total p0rn\"}",
                "/api/library/" + id + "/vote", "{\"vote\":-1,\"notes\":\"s h i t\"}");
        routes.forEach((path, body) -> refused(as(token).body(body).post(path), "notes"));
        assertThat(count("SELECT count(*) FROM votes WHERE user_id = ?", voter)).isZero();

        // Innocent notes are stored, so the refusals above were about the words.
        as(token).body("{\"vote\":1,\"notes\":\"a spicy grape in Essex\"}").post("/api/library/" + id + "/vote")
                .then().statusCode(200);
        assertThat(count("SELECT count(*) FROM votes WHERE user_id = ? AND notes = 'a spicy grape in Essex'", voter))
                .isEqualTo(1);
    }

    @Test
    void feedbackReasonsWithABlockedWordAreRefused() throws SQLException {
        // Reasons are shown to everyone, counted by reason, on GET /api/library/{id}/feedback.
        String id = api.ingest("owner-" + UUID.randomUUID(), true, "soft rain on a tin roof");
        String voter = "reasoner-" + UUID.randomUUID();
        refused(as(api.user(voter)).body("{\"vote\":1,\"feedback_reasons\":[\"catchy\",\"porn\"]}")
                .post("/api/library/" + id + "/vote"), "feedback_reasons");
        assertThat(count("SELECT count(*) FROM votes WHERE user_id = ?", voter)).isZero();
    }

    @Test
    void playlistNamesAndDescriptionsWithABlockedWordAreRefused() throws SQLException {
        String owner = "pl-owner-" + UUID.randomUUID();
        String token = api.user(owner);
        refused(as(token).body(Map.of("name", "my p0rn mix")).post("/api/playlists"), "name");
        refused(as(token).body(Map.of("name", "Road trip", "description", "fuck traffic")).post("/api/playlists"),
                "description");
        assertThat(count("SELECT count(*) FROM playlists WHERE user_id = ?", owner)).isZero();

        String pid = as(token).body(Map.of("name", "Road trip")).post("/api/playlists").then().statusCode(201)
                .extract().path("id");
        refused(as(token).body(Map.of("name", "wh\u03bfre songs")).put("/api/playlists/" + pid), "name");
        refused(as(token).body(Map.of("description", "kill yourself")).put("/api/playlists/" + pid), "description");
        assertThat(count("SELECT count(*) FROM playlists WHERE id = ? AND name = 'Road trip' AND description = ''",
                pid)).isEqualTo(1);
    }

    @Test
    void tagSuggestionsWithABlockedWordAreRefused() throws SQLException {
        String id = api.ingest("owner-" + UUID.randomUUID(), true, "crackling campfire");
        String user = "tagger-" + UUID.randomUUID();
        refused(as(api.user(user)).body(Map.of("category", "p0rn", "action", "add"))
                .post("/api/library/" + id + "/suggest-tag"), "category");
        assertThat(count("SELECT count(*) FROM tag_suggestions WHERE user_id = ?", user)).isZero();
    }

    private static void refused(Response r, String field) {
        r.then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:soundbox:problem:content-not-allowed"))
                .body("status", equalTo(400))
                .body("detail", containsString(field))
                .body("error", containsString(field))
                .body("field", equalTo(field));
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + config.library().dbPath());
             PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, arg);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
