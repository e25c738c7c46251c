package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class FileResourceTests {
    private static final String NAME = "tone_1234-abcd.wav";
    private static final String SECRET = "TOP-SECRET-CONTENT";

    @Inject
    GatewayConfig config;

    private byte[] wav;

    @BeforeEach
    void writeFiles() throws Exception {
        float[] samples = new float[4000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(2 * Math.PI * 440 * i / 8000.0) * 0.5f;
        }
        Path audioDir = config.audioDir();
        Files.createDirectories(audioDir);
        Path file = audioDir.resolve(NAME);
        WavCodec.writeAtomically(PcmBuffer.mono(8000, samples), file);
        wav = Files.readAllBytes(file);
        Files.writeString(audioDir.resolve(".hidden.wav"), SECRET);
        Files.writeString(config.dataDir().resolve("secret.wav"), SECRET);
        Files.writeString(audioDir.resolve("chart.png"), "PNGDATA");
        Files.writeString(audioDir.resolve("gen-1.wav"), "RIFFgen1");
    }

    @Test
    void fullGetStreamsTheWholeFile() {
        Response r = given().get("/audio/" + NAME);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("audio/wav");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(wav.length));
        assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("ETag")).isNotBlank();
        assertThat(r.header("Last-Modified")).isNotBlank();
        assertThat(r.asByteArray()).isEqualTo(wav);
    }

    @Test
    void rangeRequests() {
        Response first = given().header("Range", "bytes=0-99").get("/audio/" + NAME);
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-99/" + wav.length);
        assertThat(first.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, 0, 100));

        Response suffix = given().header("Range", "bytes=-10").get("/audio/" + NAME);
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));

        Response open = given().header("Range", "bytes=100-").get("/audio/" + NAME);
        assertThat(open.statusCode()).isEqualTo(206);
        assertThat(open.header("Content-Range")).isEqualTo("bytes 100-" + (wav.length - 1) + "/" + wav.length);
        assertThat(open.asByteArray()).isEqualTo(Arrays.copyOfRange(wav, 100, wav.length));

        Response beyond = given().header("Range", "bytes=" + wav.length + "-").get("/audio/" + NAME);
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.header("Content-Range")).isEqualTo("bytes */" + wav.length);
    }

    @Test
    void conditionalGet() {
        Response full = given().get("/audio/" + NAME);
        String etag = full.header("ETag");
        given().header("If-None-Match", etag).get("/audio/" + NAME).then().statusCode(304)
                .header("ETag", equalTo(etag));
        given().header("If-Modified-Since", full.header("Last-Modified")).get("/audio/" + NAME).then()
                .statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/audio/" + NAME).then().statusCode(200);
        // If-Range with a stale validator: the whole file instead of the range.
        given().header("Range", "bytes=0-9").header("If-Range", "\"stale\"").get("/audio/" + NAME).then()
                .statusCode(200);
    }

    @Test
    void downloadIsAnAttachment() {
        given().get("/download/" + NAME).then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"" + NAME + "\""));
    }

    @Test
    void downloadIsNamedAfterThePromptWhenTheLibraryKnowsIt() {
        // The library stub knows gen-1 ("gentle rain"); NAME is unknown to it and keeps its file name.
        given().get("/download/gen-1.wav").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"gentle_rain_gen1.wav\""));
    }

    @Test
    void spectrogramsArePng() {
        Response r = given().get("/spectrogram/chart.png");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("image/png");
        assertThat(r.asString()).isEqualTo("PNGDATA");
        given().get("/spectrogram/" + NAME).then().statusCode(400);
    }

    @Test
    void missingFileIs404Problem() {
        given().get("/audio/nothing-here.wav").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void traversalAndOddNamesNeverServeFiles() {
        String[] attempts = {
            "/audio/../secret.wav",
            "/audio/%2e%2e%2fsecret.wav",
            "/audio/%2E%2E%2Fsecret.wav",
            "/audio/..%2fsecret.wav",
            "/audio/%2e%2e/secret.wav",
            "/audio/..%5csecret.wav",
            "/audio/%2Ftmp%2Fsecret.wav",
            "/audio/" + config.dataDir().resolve("secret.wav").toString().replace("/", "%2F"),
            "/audio/.hidden.wav",
            "/audio/%2ehidden.wav",
            "/audio/name%00.wav",
            "/audio/tone.txt",
            "/download/..%2fsecret.wav",
            "/spectrogram/..%2f..%2fsecret.png",
        };
        for (String path : attempts) {
            Response r = given().urlEncodingEnabled(false).get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.asString()).as(path).doesNotContain(SECRET).doesNotStartWith("RIFF");
        }
    }

    @Test
    void filesOutsideTheStoreAreNotReachableThroughLinks() throws Exception {
        Path link = config.audioDir().resolve("link.wav");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, config.dataDir().resolve("secret.wav"));
        Response r = given().get("/audio/link.wav");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.asByteArray(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }
}
