package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The content filter on the packaged stack: every route and alias that stores or speaks user text,
 * called through the gateway, is refused with 400 content-not-allowed, and the library's SQLite file and
 * the audio store hold nothing of it.
 */
class ContentFilterIT {
    private static SoundboxStack stack;
    private static Api api;
    private static String user;
    private static String token;
    private static String item;

    @BeforeAll
    static void fixtures() throws Exception {
        stack = SoundboxStack.shared();
        api = new Api(stack);
        user = "filter-" + UUID.randomUUID();
        token = stack.token(user, "premium");
        Api.Reply speech = api.post("/api/tts/generate", token,
                "{\"text\":\"Something to vote on.\",\"voice\":\"kevin16\",\"save_to_library\":true}");
        assertThat(speech.status()).as(speech.text()).isEqualTo(200);
        item = speech.json().path("gen_id").asText();
        api.eventually(Duration.ofSeconds(60), () -> api.get("/api/library/" + item, null).status() == 200 ? true : null);
    }

    @Test
    void blockedUserTextIsRefusedOnEveryRouteAndNothingIsStored() throws Exception {
        long audioFiles = countAudioFiles();
        List<String[]> calls = List.of(
                new String[] {"POST", "/api/vote", "{\"generation_id\":\"" + item + "\",\"vote\":1,\"notes\":\"total sh1t\"}", "notes"},
                new String[] {"POST", "/api/generations/" + item + "/vote", "{\"vote\":1,\"notes\":\"p0rn\"}", "notes"},
                new String[] {"POST", "/api/library/" + item + "/vote", "{\"vote\":-1,\"notes\":\"s h i t\"}", "notes"},
                new String[] {"POST", "/api/playlists", "{\"name\":\"my p0rn mix\"}", "name"},
                new String[] {"POST", "/api/playlists", "{\"name\":\"Drive\",\"description\":\"fuck traffic\"}", "description"},
                new String[] {"POST", "/api/library/" + item + "/suggest-tag", "{\"category\":\"p0rn\",\"action\":\"add\"}", "category"},
                new String[] {"POST", "/api/tts/generate", "{\"text\":\"kill yourself\",\"save_to_library\":true}", "text"},
                new String[] {"POST", "/api/tts/generate", "{\"text\":\"Hello.\",\"tags\":[\"p0rn\"]}", "tags"});
        for (String[] c : calls) {
            Api.Reply r = api.send(c[0], c[1], token, c[2]);
            assertThat(r.status()).as(c[0] + " " + c[1] + ": " + r.text()).isEqualTo(400);
            assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode p = r.json();
            assertThat(p.path("type").asText()).isEqualTo("urn:soundbox:problem:content-not-allowed");
            assertThat(p.path("error").asText()).contains(c[3]);
            assertThat(p.path("field").asText()).isEqualTo(c[3]);
        }
        // A playlist renamed to a blocked word keeps its name.
        Api.Reply created = api.post("/api/playlists", token, "{\"name\":\"Drive\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String pid = created.json().path("id").asText();
        assertThat(api.send("PUT", "/api/playlists/" + pid, token, "{\"name\":\"wh\u03bfre songs\"}").status()).isEqualTo(400);

        Path db = stack.dataDir().resolve("library/library.db");
        assertThat(count(db, "SELECT count(*) FROM votes WHERE user_id = ?")).isZero();
        assertThat(count(db, "SELECT count(*) FROM tag_suggestions WHERE user_id = ?")).isZero();
        assertThat(count(db, "SELECT count(*) FROM playlists WHERE user_id = ? AND name <> 'Drive'")).isZero();
        assertThat(count(db, "SELECT count(*) FROM playlists WHERE user_id = ?")).isEqualTo(1);
        assertThat(countAudioFiles()).isEqualTo(audioFiles);
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, user);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long countAudioFiles() throws Exception {
        Path audio = stack.dataDir().resolve("audio");
        if (!Files.isDirectory(audio)) {
            return 0;
        }
        try (var files = Files.walk(audio)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
