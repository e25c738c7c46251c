package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static io.soundbox.gateway.support.GatewayTestSupport.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.soundbox.events.JobState;
import io.soundbox.events.JobStatus;
import io.soundbox.events.LibraryEvent;
import io.soundbox.events.ModelId;
import io.soundbox.events.QualityReport;
import io.soundbox.events.Topics;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.files.FileUrlKey;
import io.soundbox.gateway.files.FileUrlSigner;
import io.soundbox.gateway.support.DownstreamStub;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 over HTTP: who may fetch which file, signed URLs, the job read model fallback, the cache,
 * download counting. library-service is the stub (see {@link DownstreamStub}: {@code priv--<owner>--*}
 * names are private files of that owner, {@code fresh-*} and {@code nobody-*} unknown, {@code libdown-*}
 * a failing library, anything else public).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class FileAccessTests {
    private static final byte[] WAV = "RIFF-not-really-a-wav-but-bytes-0123456789-0123456789".getBytes(StandardCharsets.UTF_8);

    @Inject
    GatewayConfig config;

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Path write(String name) throws Exception {
        Files.createDirectories(config.audioDir());
        Path file = config.audioDir().resolve(name);
        Files.write(file, WAV);
        return file;
    }

    private static List<Map<String, Object>> received(String method, String path) {
        return DownstreamStub.received(TestTokens.stubUrl()).stream()
                .filter(r -> method.equals(r.get("method")) && path.equals(r.get("path"))).toList();
    }

    private static String token(String user) {
        return TestTokens.token(user, Tier.FREE);
    }

    private static String admin() {
        return TestTokens.token("admin-" + unique(), Tier.ADMIN);
    }

    @Test
    void publicFilesAreForEveryoneWithCorsAndTheirVisibilityIsCached() throws Exception {
        String name = "pub" + unique() + ".wav";
        write(name);
        Response r = given().header("Origin", "https://radio.example").get("/audio/" + name);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asByteArray()).isEqualTo(WAV);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=3600");
        given().get("/audio/" + name).then().statusCode(200).header("Access-Control-Allow-Origin", "*");
        given().header("Range", "bytes=0-9").get("/audio/" + name).then().statusCode(206);
        assertThat(received("GET", "/internal/files/" + name)).as("one lookup, then the cache").hasSize(1);
        Map<String, Object> lookup = received("GET", "/internal/files/" + name).get(0);
        assertThat((String) lookup.get("authorization")).as("the gateway's own token").startsWith("Bearer ");
    }

    @Test
    void aVisibilityChangeAnnouncedByTheLibraryDropsTheCachedAnswerAtOnce() throws Exception {
        String stem = "flip-" + unique();
        String name = stem + ".wav";
        write(name);
        given().get("/audio/" + name).then().statusCode(200);
        given().get("/audio/" + name).then().statusCode(200);
        assertThat(received("GET", "/internal/files/" + name)).as("cached after one lookup").hasSize(1);

        // The consumer reads new events only: announce until it is assigned and the answer is asked again.
        eventually(Duration.ofSeconds(20), "the library's announcement drops the cached answer", () -> {
            KafkaBroker.publish(Topics.LIBRARY_EVENTS, new LibraryEvent(1, "vis-" + unique(),
                    LibraryEvent.Type.VISIBILITY_CHANGED, stem, "someone", Map.of("is_public", false), Instant.now()));
            given().get("/audio/" + name).then().statusCode(200);
            return received("GET", "/internal/files/" + name).size() >= 2;
        });
    }

    @Test
    void aPrivateFileIsForItsOwnerAndAdminsOnly() throws Exception {
        String owner = "own" + unique();
        String name = "priv--" + owner + "--song.wav";
        String png = "priv--" + owner + "--song.png";
        write(name);
        Files.write(config.spectrogramDir().resolve(png), WAV);

        Response mine = given().auth().oauth2(token(owner)).get("/audio/" + name);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.asByteArray()).isEqualTo(WAV);
        assertThat(mine.header("Cache-Control")).isEqualTo("private, no-store");
        assertThat(mine.header("Access-Control-Allow-Origin")).isNull();
        given().auth().oauth2(token(owner)).get("/spectrogram/" + png).then().statusCode(200);
        given().auth().oauth2(admin()).get("/audio/" + name).then().statusCode(200);

        for (String path : new String[] {"/audio/" + name, "/download/" + name, "/spectrogram/" + png}) {
            Response other = given().auth().oauth2(token("other" + unique())).get(path);
            assertThat(other.statusCode()).as(path).isEqualTo(404);
            assertThat(other.contentType()).startsWith("application/problem+json");
            assertThat(other.asString()).doesNotContain("RIFF");
            given().get(path).then().statusCode(404);
        }
        given().auth().oauth2("not-a-token").get("/audio/" + name).then().statusCode(401);
    }

    @Test
    void signedUrlsOpenAPrivateFileWithoutAHeaderUntilTheyExpire() throws Exception {
        String owner = "own" + unique();
        String name = "priv--" + owner + "--signed.wav";
        write(name);
        write("priv--" + owner + "--other.wav");

        Response minted = given().auth().oauth2(token(owner)).get("/api/files/" + name + "/url");
        assertThat(minted.statusCode()).isEqualTo(200);
        String url = minted.path("url");
        assertThat(url).startsWith("/audio/" + name + "?exp=");
        assertThat(Instant.parse(minted.<String>path("expires_at"))).isAfter(Instant.now().plusSeconds(3500));

        Response anonymous = given().urlEncodingEnabled(false).get(url);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.asByteArray()).isEqualTo(WAV);
        String query = url.substring(url.indexOf('?'));
        given().urlEncodingEnabled(false).get("/download/" + name + query).then().statusCode(200);

        String sig = query.replaceAll(".*sig=", "");
        String tampered = query.replace(sig, (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1));
        Response bad = given().urlEncodingEnabled(false).get("/audio/" + name + tampered);
        assertThat(bad.statusCode()).isEqualTo(403);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.<String>path("type")).isEqualTo("urn:soundbox:problem:signed-url-invalid");
        given().urlEncodingEnabled(false).get("/audio/priv--" + owner + "--other.wav" + query).then()
                .statusCode(403);
        given().urlEncodingEnabled(false).get("/audio/" + name + "?exp=99999999999").then().statusCode(403);

        // Signed an hour and a half ago with the gateway's key: expired.
        FileUrlSigner past = new FileUrlSigner(FileUrlKey.loadOrCreate(config.dataDir().resolve("keys/file-url.key")),
                Clock.fixed(Instant.now().minusSeconds(5400), ZoneOffset.UTC), Duration.ofHours(1));
        Response expired = given().urlEncodingEnabled(false).get(past.sign("/audio/", name).url());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.<String>path("type")).isEqualTo("urn:soundbox:problem:signed-url-expired");

        // Someone else cannot mint one; a bad name is a 400.
        given().auth().oauth2(token("other" + unique())).get("/api/files/" + name + "/url").then().statusCode(404);
        given().get("/api/files/" + name + "/url").then().statusCode(401);
        given().auth().oauth2(token(owner)).get("/api/files/notes.txt/url").then().statusCode(400);
        given().auth().oauth2(admin()).get("/api/files/" + name + "/url").then().statusCode(200);
        String png = given().auth().oauth2(token(owner)).get("/api/files/priv--" + owner + "--signed.png/url")
                .then().statusCode(200).extract().path("url");
        assertThat(png).startsWith("/spectrogram/priv--" + owner + "--signed.png?exp=");
    }

    @Test
    void aFreshJobsFileBelongsToTheJobsOwnerAndJobUrlsAreSigned() throws Exception {
        String owner = "maker" + unique();
        String jobId = "fresh-" + unique();
        String file = jobId + ".wav";
        write(file);
        KafkaBroker.publish(Topics.JOB_STATUS, new JobStatus(1, jobId, owner, ModelId.MUSIC, "brand new", 8,
                JobState.COMPLETED, 1.0, 0, 0, file, jobId + ".png", new QualityReport(90, List.of(), true), null, 0,
                Instant.now()));
        String ownerToken = token(owner);
        eventually(Duration.ofSeconds(20), "job " + jobId + " known", () ->
                given().auth().oauth2(ownerToken).get("/job/" + jobId).statusCode() == 200);

        given().auth().oauth2(ownerToken).get("/audio/" + file).then().statusCode(200);
        given().auth().oauth2(admin()).get("/audio/" + file).then().statusCode(200);
        given().auth().oauth2(token("other" + unique())).get("/audio/" + file).then().statusCode(404);
        given().get("/audio/" + file).then().statusCode(404);

        Response job = given().auth().oauth2(ownerToken).get("/job/" + jobId);
        String audioUrl = job.path("audio_url");
        assertThat(audioUrl).startsWith("/audio/" + file + "?exp=").contains("&sig=");
        assertThat(job.<String>path("spectrogram_url")).startsWith("/spectrogram/" + jobId + ".png?exp=");
        given().urlEncodingEnabled(false).get(audioUrl).then().statusCode(200);
    }

    @Test
    void aNameNobodyKnowsIs404EvenOnDiskAndEvenForAnAdmin() throws Exception {
        String name = "nobody-" + unique() + ".wav";
        write(name);
        given().auth().oauth2(admin()).get("/audio/" + name).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/download/" + name).then().statusCode(404);
    }

    @Test
    void aFailingLibraryWithNothingCachedIs503NotTheFile() throws Exception {
        String name = "libdown-" + unique() + ".wav";
        write(name);
        Response r = given().get("/audio/" + name);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.<String>path("type")).isEqualTo("urn:soundbox:problem:file-visibility-unavailable");
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.asString()).doesNotContain("RIFF");
    }

    @Test
    void aDownloadIsCountedOnceAndNeverWaitedFor() throws Exception {
        String owner = "dl" + unique();
        String stem = "priv--" + owner + "--track";
        write(stem + ".wav");
        String countPath = "/api/track/" + stem + "/download";
        String t = token(owner);

        String clean = stem.replace("-", "");
        given().auth().oauth2(t).get("/download/" + stem + ".wav").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"secret_song_of_" + owner + "_"
                        + clean.substring(clean.length() - 8) + ".wav\""));
        eventually(Duration.ofSeconds(10), "the download counted", () -> received("POST", countPath).size() == 1);
        Map<String, Object> count = received("POST", countPath).get(0);
        assertThat((String) count.get("authorization")).as("counted as the downloading user").startsWith("Bearer ");

        // A player's later ranges and revalidations are not new downloads; a range from byte 0 is.
        given().auth().oauth2(t).header("Range", "bytes=10-19").get("/download/" + stem + ".wav").then().statusCode(206);
        given().auth().oauth2(t).head("/download/" + stem + ".wav").then().statusCode(200);
        given().auth().oauth2(t).get("/audio/" + stem + ".wav").then().statusCode(200);
        given().auth().oauth2(t).header("Range", "bytes=0-9").get("/download/" + stem + ".wav").then().statusCode(206);
        eventually(Duration.ofSeconds(10), "the second download counted", () -> received("POST", countPath).size() == 2);
        Thread.sleep(300);
        assertThat(received("POST", countPath)).hasSize(2);
    }

    @Test
    void freshSpeechIsPlayableByWhoeverMadeItThroughTheSignedUrl() throws Exception {
        for (String t : new String[] {token("talker" + unique()), null}) {
            var request = given().contentType("application/json").body("{\"text\":\"hello there\"}");
            if (t != null) {
                request.auth().oauth2(t);
            }
            Response speech = request.post("/api/tts/generate");
            assertThat(speech.statusCode()).isEqualTo(200);
            String file = speech.path("filename");
            String url = speech.path("audio_url");
            assertThat(url).startsWith("/audio/" + file + "?exp=");
            write(file);
            given().urlEncodingEnabled(false).get(url).then().statusCode(200);
            given().get("/audio/" + file).then().statusCode(404);
        }
    }

    @Test
    void privateItemsInLibraryAnswersGetSignedUrlsForTheirOwner() {
        String user = "lib" + unique();
        Response mine = given().auth().oauth2(token(user)).get("/api/my-generations");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.contentType()).startsWith("application/json");
        String privateUrl = mine.path("items[0].audio_url");
        assertThat(privateUrl).startsWith("/audio/priv--" + user + "--mine.wav?exp=");
        assertThat(mine.<String>path("items[0].spectrogram_url")).startsWith("/spectrogram/priv--" + user + "--mine.png?exp=");
        assertThat(mine.<String>path("items[1].audio_url")).isEqualTo("/audio/pub-" + user + ".wav");
        assertThat(mine.header("Cache-Control")).isEqualTo("private, no-store");

        // Someone else's private item is not signed for a regular user, but is for an admin.
        String bobs = given().auth().oauth2(token("bob" + unique())).get("/api/library/alices-private").then()
                .statusCode(200).extract().path("audio_url");
        assertThat(bobs).isEqualTo("/audio/priv--alice--song.wav");
        String admins = given().auth().oauth2(admin()).get("/api/library/alices-private").then().statusCode(200)
                .extract().path("audio_url");
        assertThat(admins).startsWith("/audio/priv--alice--song.wav?exp=");
        // Anonymous callers' answers stream through untouched.
        assertThat(given().get("/api/library/alices-private").then().extract().<String>path("audio_url"))
                .isEqualTo("/audio/priv--alice--song.wav");

        // Over the size cap: streamed as it came.
        Response huge = given().auth().oauth2(token(user)).get("/api/my-generations/huge");
        assertThat(huge.statusCode()).isEqualTo(200);
        assertThat(huge.asByteArray().length).isGreaterThan(DownstreamStub.HUGE_PADDING);
        assertThat(huge.<String>path("items[0].audio_url")).isEqualTo("/audio/priv--" + user + "--mine.wav");
    }
}
