package io.soundbox.library.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.Topics;
import io.soundbox.library.Eventually;
import io.soundbox.library.FreshDataDirResource;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library end to end: events published on the real topic, read back over HTTP. Every test uses its
 * own marker word in the prompts, so tests do not see each other's items.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(FreshDataDirResource.class)
class LibraryResourceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    GenerationRepository repository;

    @Test
    void anIngestedGenerationIsFoundByPrefixSearchWithAllItsFields() {
        String marker = marker();
        String id = "gen-" + UUID.randomUUID();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaBroker.publish(Topics.AUDIO_CREATED, new AudioCreated(SchemaVersion.CURRENT, id, id, id + ".wav",
                AudioKind.MUSIC, "music", "gentle rainy lofi piano for studying " + marker, 3.0, 32000, "user-7",
                true, 88, id + ".png", null, true, List.of(), created));

        JsonPath page = awaitTotal(Map.of("q", marker + " lofi pian"), 1);

        assertThat(page.getInt("page")).isEqualTo(1);
        assertThat(page.getInt("per_page")).isEqualTo(20);
        assertThat(page.getInt("pages")).isEqualTo(1);
        Map<String, Object> item = page.getMap("items[0]");
        assertThat(item).containsEntry("id", id)
                .containsEntry("filename", id + ".wav")
                .containsEntry("prompt", "gentle rainy lofi piano for studying " + marker)
                .containsEntry("model", "music")
                .containsEntry("kind", "music")
                .containsEntry("sample_rate", 32000)
                .containsEntry("user_id", "user-7")
                .containsEntry("is_public", true)
                .containsEntry("is_loop", true)
                .containsEntry("upvotes", 0)
                .containsEntry("downvotes", 0)
                .containsEntry("play_count", 0)
                .containsEntry("quality_score", 88)
                .containsEntry("spectrogram", id + ".png")
                .containsEntry("voice", null)
                .containsEntry("created_at", created.toString())
                .containsEntry("audio_url", "/audio/" + id + ".wav");
        assertThat(((Number) item.get("duration")).doubleValue()).isEqualTo(3.0);
        assertThat(page.getList("items[0].category", String.class)).contains("lofi", "piano");
        assertThat(item).doesNotContainKeys("seq", "updated_at", "reviewed_by").containsEntry("download_count", 0)
                .containsEntry("review_status", "approved").containsEntry("requested_public", true);

        given().get("/api/library/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("audio_url", equalTo("/audio/" + id + ".wav"));
        // "search" works like its alias "q", and an id in the search box answers that item
        assertThat(list(Map.of("search", marker)).getInt("total")).isEqualTo(1);
        JsonPath byId = list(Map.of("q", id));
        assertThat(byId.getInt("total")).isEqualTo(1);
        assertThat(byId.getString("items[0].id")).isEqualTo(id);
    }

    @Test
    void replayingAnEventKeepsOneRowAndARetryRefreshesTheFile() {
        String marker = marker();
        String id = "gen-" + UUID.randomUUID();
        AudioCreated event = sfx(id, "thunder " + marker, true, 60);
        KafkaBroker.publish(Topics.AUDIO_CREATED, event);
        KafkaBroker.publish(Topics.AUDIO_CREATED, event);
        // Same key, same partition: once the retry is visible, both earlier copies were consumed.
        KafkaBroker.publish(Topics.AUDIO_CREATED, sfx(id, "thunder " + marker, true, 91));

        Eventually.await(WAIT, "the retried file's quality score", () -> {
            JsonPath page = list(Map.of("q", marker));
            return page.getInt("total") == 1 && page.getInt("items[0].quality_score") == 91 ? page : null;
        });
        assertThat(list(Map.of("q", marker)).getInt("total")).isEqualTo(1);
    }

    @Test
    void pagesCountOnlyPublicItems() {
        String marker = marker();
        for (int i = 0; i < 5; i++) {
            KafkaBroker.publish(Topics.AUDIO_CREATED, sfx("gen-" + UUID.randomUUID(), "rain " + marker, true, 70));
        }
        String hidden = "gen-" + UUID.randomUUID();
        KafkaBroker.publish(Topics.AUDIO_CREATED, sfx(hidden, "rain " + marker, false, 70));
        awaitTotal(Map.of("q", marker), 5);
        Eventually.await(WAIT, "the private item stored", () -> repository.findById(hidden).orElse(null));

        JsonPath first = list(Map.of("q", marker, "per_page", "2", "sort", "recent"));
        assertThat(first.getInt("total")).isEqualTo(5);
        assertThat(first.getInt("pages")).isEqualTo(3);
        assertThat(first.getList("items")).hasSize(2);
        assertThat(list(Map.of("q", marker, "per_page", "2", "page", "3")).getList("items")).hasSize(1);
        JsonPath beyond = list(Map.of("q", marker, "per_page", "2", "page", "4"));
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getInt("total")).isEqualTo(5);
        assertThat(list(Map.of("q", marker, "per_page", "100")).getList("items.id", String.class))
                .hasSize(5).doesNotContain(hidden);

        given().get("/api/library/" + hidden).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString(hidden));
        assertThat(list(Map.of("q", hidden)).getInt("total")).isZero();
    }

    @Test
    void filtersByModelCategoryAndUser() {
        String marker = marker();
        String music = "gen-" + UUID.randomUUID();
        String sfx = "gen-" + UUID.randomUUID();
        KafkaBroker.publish(Topics.AUDIO_CREATED, new AudioCreated(SchemaVersion.CURRENT, music, music, music + ".wav",
                AudioKind.MUSIC, "magnet-music", "sad piano " + marker, 8, 32000, "alice", true, 70, null, null,
                false, List.of(), Instant.now()));
        KafkaBroker.publish(Topics.AUDIO_CREATED, sfx(sfx, "crackling campfire " + marker, true, 70));
        awaitTotal(Map.of("q", marker), 2);

        assertThat(list(Map.of("q", marker, "model", "music")).getList("items.id", String.class)).containsExactly(music);
        assertThat(list(Map.of("q", marker, "model", "audio")).getList("items.id", String.class)).containsExactly(sfx);
        assertThat(list(Map.of("q", marker, "model", "voice")).getInt("total")).isZero();
        assertThat(list(Map.of("q", marker, "category", "fire")).getList("items.id", String.class)).containsExactly(sfx);
        assertThat(list(Map.of("q", marker, "user_id", "alice")).getList("items.id", String.class))
                .containsExactly(music);
        assertThat(list(Map.of("q", marker, "sort", "popular")).getInt("total")).isEqualTo(2);
        assertThat(list(Map.of("q", marker, "sort", "rating")).getInt("total")).isEqualTo(2);
        assertThat(list(Map.of("q", marker, "sort", "relevance")).getInt("total")).isEqualTo(2);
        assertThat(list(Map.of("per_page", "100")).getInt("total")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void unreadableAndInvalidRecordsAreSkippedAndTheConsumerGoesOn() {
        String marker = marker();
        String badFile = "gen-" + UUID.randomUUID();
        KafkaBroker.publishRaw(Topics.AUDIO_CREATED, "garbage", "not json at all {".getBytes(StandardCharsets.UTF_8));
        KafkaBroker.publishRaw(Topics.AUDIO_CREATED, "no-id",
                "{\"filename\":\"x.wav\",\"kind\":\"music\"}".getBytes(StandardCharsets.UTF_8));
        KafkaBroker.publishRaw(Topics.AUDIO_CREATED, "bad-kind",
                "{\"generation_id\":\"k\",\"filename\":\"x.wav\",\"kind\":\"polka\"}".getBytes(StandardCharsets.UTF_8));
        KafkaBroker.publishRaw(Topics.AUDIO_CREATED, "tombstone", null);
        KafkaBroker.publish(Topics.AUDIO_CREATED, new AudioCreated(SchemaVersion.CURRENT, badFile, badFile,
                "../../etc/passwd", AudioKind.SFX, "audio", "boom " + marker, 1, 32000, "bob", true, 70, null, null,
                false, List.of(), Instant.now()));
        String good = "gen-" + UUID.randomUUID();
        KafkaBroker.publish(Topics.AUDIO_CREATED, sfx(good, "boom " + marker, true, 70));

        JsonPath page = awaitTotal(Map.of("q", marker), 1);
        assertThat(page.getString("items[0].id")).isEqualTo(good);
        assertThat(repository.findById(badFile)).isEmpty();
        assertThat(repository.findById("k")).isEmpty();
    }

    @Test
    void aBurstIsStoredInBatchesAndABroadSearchSaysItsTotalIsCapped() {
        // %test.soundbox.library.search.max-matches=50 in application.properties
        String marker = marker();
        for (int i = 0; i < 120; i++) {
            KafkaBroker.publish(Topics.AUDIO_CREATED, sfx(marker + "-" + i, "hail " + marker + (i == 7 ? " seven" : ""),
                    true, 70));
        }
        KafkaBroker.publishRaw(Topics.AUDIO_CREATED, "junk", "{".getBytes(StandardCharsets.UTF_8));
        KafkaBroker.publish(Topics.AUDIO_CREATED, sfx(marker + "-7", "hail " + marker + " seven", true, 95));

        Eventually.await(WAIT, "the retried event, after the burst", () -> {
            JsonPath page = list(Map.of("q", marker + " seven"));
            return page.getInt("total") == 1 && page.getInt("items[0].quality_score") == 95 ? page : null;
        });
        JsonPath broad = list(Map.of("q", marker, "per_page", "20"));
        assertThat(broad.getInt("total")).isEqualTo(50);
        assertThat(broad.getBoolean("total_is_estimate")).isTrue();
        assertThat(broad.getInt("pages")).isEqualTo(3);
        assertThat(list(Map.of("q", marker, "per_page", "20", "page", "3")).getList("items")).hasSize(10);
        assertThat(list(Map.of("q", marker, "per_page", "20", "page", "4")).getList("items")).isEmpty();
        JsonPath narrow = list(Map.of("q", marker + " seven"));
        assertThat(narrow.getBoolean("total_is_estimate")).isFalse();
        assertThat(repository.findById(marker + "-119")).isPresent();
    }

    static Stream<String> hostileSearches() {
        return Stream.of("\"", "\"unbalanced", "((", ")", "*", "OR", "NEAR(a b)", "prompt:x", "'", "\\", "^rain",
                "-rain", "AND OR NOT", "{prompt}:x", "'; DROP TABLE generations; --", "\" OR 1=1 --", "🎹🌧️",
                "\u0000", "\u0001\u001b[2J", "%00", "%", "_", "a".repeat(2000), "rain ".repeat(300),
                "\uD83C", "ﷺ", "x:y:z", "NEAR/3");
    }

    @ParameterizedTest
    @MethodSource("hostileSearches")
    void hostileSearchesAreAnsweredNormally(String search) {
        for (String param : List.of("q", "search")) {
            given().queryParam(param, search).when().get("/api/library").then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("page", equalTo(1));
        }
        given().queryParam("q", search).queryParam("sort", "relevance").when().get("/api/library").then()
                .statusCode(200);
    }

    @Test
    void badParametersAreA400Problem() {
        assertProblem(Map.of("page", "0"), "page must be a whole number from 1 to 1000000; got 0");
        assertProblem(Map.of("page", "abc"), "page must be a whole number from 1 to 1000000; got 'abc'");
        assertProblem(Map.of("per_page", "1000"), "per_page must be a whole number from 1 to 100; got 1000");
        assertProblem(Map.of("model", "kazoo"), "model must be one of music, audio, voice; got 'kazoo'");
        assertProblem(Map.of("sort", "sideways"),
                "sort must be one of recent, popular, rating, relevance (or newest, top_rated, most_played); got 'sideways'");
        assertProblem(Map.of("category", "no spaces please"), "category must be");
    }

    @Test
    void unknownItemsAndPathsAreA404Problem() {
        given().get("/api/library/does-not-exist").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Problem.NOT_FOUND))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("no library item with id 'does-not-exist'"))
                .body("instance", equalTo("/api/library/does-not-exist"));
        given().get("/api/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }

    private static void assertProblem(Map<String, String> params, String detail) {
        given().queryParams(params).when().get("/api/library").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Problem.INVALID_PARAMETER))
                .body("title", equalTo("Invalid parameter"))
                .body("status", equalTo(400))
                .body("detail", startsWith(detail));
    }

    private static JsonPath awaitTotal(Map<String, String> params, int total) {
        return Eventually.await(WAIT, total + " items for " + params, () -> {
            JsonPath page = list(params);
            return page.getInt("total") == total ? page : null;
        });
    }

    private static JsonPath list(Map<String, String> params) {
        return given().queryParams(params).when().get("/api/library").then()
                .statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();
    }

    private static AudioCreated sfx(String id, String prompt, boolean isPublic, int quality) {
        return new AudioCreated(SchemaVersion.CURRENT, id, id, id + ".wav", AudioKind.SFX, "audio", prompt, 2.0, 32000,
                "bob", isPublic, quality, null, null, false, List.of(), Instant.now());
    }

    /** A word no other test uses: letters only, so it is one FTS token. */
    private static String marker() {
        StringBuilder sb = new StringBuilder("mk");
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit)
                .forEach(ch -> sb.append((char) ('a' + Character.digit(ch, 16))));
        return sb.toString();
    }
}
