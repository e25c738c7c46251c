package io.soundbox.tts.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.soundbox.tts.storage.UnsavedSpeechSweeper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.Topics;
import io.soundbox.events.kafka.AudioCreatedDeserializer;
import io.soundbox.testsupport.KafkaBroker;
import io.soundbox.testsupport.KafkaBrokerResource;
import io.soundbox.tts.config.TtsConfig;
import io.soundbox.tts.health.TempDataDir;
import io.soundbox.tts.testing.TinyPiperVoices;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The HTTP API with a real broker, real WAV files in the audio store, tiny Piper voices and kevin16. */
@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class TtsApiTest {
    private static final String PROBLEM = "application/problem+json";

    @Inject
    TtsConfig config;

    @Inject
    UnsavedSpeechSweeper sweeper;

    @Test
    void listsInstalledVoicesAndTheNoWeightsVoiceWithLicenses() {
        for (String path : List.of("/api/voices", "/api/tts/voices")) {
            given().get(path).then().statusCode(200)
                    .body("total", equalTo(3))
                    .body("default_voice", equalTo("kevin16"))
                    .body("voices.id", hasItems("kevin16", TinyPiperVoices.SINGLE, TinyPiperVoices.MULTI))
                    .body("voices.find { it.id == 'kevin16' }.needs_weights", equalTo(false))
                    .body("voices.find { it.id == 'kevin16' }.commercial_ok", equalTo(true))
                    .body("voices.find { it.id == 'kevin16' }.sample_rate", equalTo(16000))
                    .body("voices.find { it.id == 'kevin16' }.is_default", equalTo(true))
                    .body("voices.find { it.id == 'en_US-tinymulti-low' }.speakers", equalTo(List.of("alice", "bob", "carol")))
                    .body("voices.find { it.id == 'en_US-tinymulti-low' }.locale", equalTo("en_US"))
                    .body("voices.find { it.id == 'en_US-tinymulti-low' }.quality", equalTo("low"))
                    .body("voices.find { it.id == 'en_US-tinymulti-low' }.license_short", equalTo("unknown"))
                    .body("voices.find { it.id == 'en_US-tinymulti-low' }.license_warning", containsString("MODEL_CARD"));
        }
        given().get("/api/voice-licenses").then().statusCode(200)
                .body("total", equalTo(3))
                .body("licenses.kevin16.license_short", equalTo("BSD-style"))
                .body("licenses.kevin16.attribution", containsString("FreeTTS"))
                .body("commercial_ok_count", equalTo(1));
    }

    @Test
    void speaksWithTheNoWeightsVoiceStoresTheWavAndAnnouncesIt() throws Exception {
        Response r = given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token("user-7", "premium", Duration.ofSeconds(60), "soundbox-internal"))
                .body(Map.of("text", "Hello from Sound Box. This is speech.", "tags", List.of("greeting"),
                        "save_to_library", true))
                .post("/api/tts/generate");
        r.then().statusCode(200)
                .body("voice", equalTo("kevin16"))
                .body("audio_url", startsWith("/audio/speech_"))
                .body("saved_to_library", equalTo(true))
                .body("$", not(hasKey("audio_base64")));
        String filename = r.path("filename");
        String genId = r.path("gen_id");
        double duration = ((Number) r.path("duration")).doubleValue();
        assertThat(r.<String>path("audio_url")).isEqualTo("/audio/" + filename);

        Path wav = config.audioDir().resolve(filename);
        PcmBuffer pcm = WavCodec.read(wav);
        assertThat(pcm.sampleRate()).isEqualTo(16000);
        assertThat(pcm.durationSeconds()).isCloseTo(duration, org.assertj.core.data.Offset.offset(0.01));
        assertThat(duration).isBetween(1.0, 6.0);
        assertThat(pcm.rms()).isGreaterThan(0.01);

        List<ConsumerRecord<String, AudioCreated>> seen = KafkaBroker.readUntil(Topics.AUDIO_CREATED,
                new AudioCreatedDeserializer(), rec -> genId.equals(rec.key()), Duration.ofSeconds(20));
        AudioCreated event = seen.get(seen.size() - 1).value();
        assertThat(event.generationId()).isEqualTo(genId);
        assertThat(event.filename()).isEqualTo(filename);
        assertThat(event.kind()).isEqualTo(AudioKind.SPEECH);
        assertThat(event.model()).isEqualTo("voice");
        assertThat(event.voice()).isEqualTo("kevin16");
        assertThat(event.userId()).isEqualTo("user-7");
        assertThat(event.prompt()).isEqualTo("Hello from Sound Box. This is speech.");
        assertThat(event.tags()).containsExactly("greeting");
        assertThat(event.sampleRate()).isEqualTo(16000);
    }

    @Test
    void speaksWithAPiperVoiceAndSpeakerWithoutSavingToTheLibrary() throws Exception {
        Response r = given().contentType(ContentType.JSON)
                .body(Map.of("text", "Hello world.", "voice", TinyPiperVoices.MULTI, "speaker", "bob",
                        "save_to_library", false))
                .post("/api/tts/generate");
        r.then().statusCode(200)
                .body("voice", equalTo(TinyPiperVoices.MULTI))
                .body("speaker", equalTo("bob"))
                .body("sample_rate", equalTo(22050))
                .body("saved_to_library", equalTo(false));
        String filename = r.path("filename");
        assertThat(filename).startsWith("speech-unsaved_");
        PcmBuffer pcm = WavCodec.read(config.audioDir().resolve(filename));
        // "Hello world." is 14 phonemes + '.' → 31 ids; the tiny model gives 256 × (sid + 1) samples per id.
        assertThat(pcm.frames()).isEqualTo(31 * TinyPiperVoices.SAMPLES_PER_ID * 2);
        // The original answered unsaved speech inline: the same WAV, base64.
        byte[] inline = java.util.Base64.getDecoder().decode(r.<String>path("audio_base64"));
        assertThat(inline).isEqualTo(Files.readAllBytes(config.audioDir().resolve(filename)));
    }

    @Test
    void unsavedSpeechIsSweptAfterItsRetentionAndNothingElseIs() throws Exception {
        Path dir = config.audioDir();
        Files.createDirectories(dir);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(config.tts().unsavedRetention()).minusSeconds(60));
        Path expired = Files.write(dir.resolve("speech-unsaved_old.wav"), new byte[] {1});
        Files.setLastModifiedTime(expired, old);
        Path fresh = Files.write(dir.resolve("speech-unsaved_fresh.wav"), new byte[] {1});
        Path savedOld = Files.write(dir.resolve("speech_saved-old.wav"), new byte[] {1});
        Files.setLastModifiedTime(savedOld, old);
        Path musicOld = Files.write(dir.resolve("job-1.wav"), new byte[] {1});
        Files.setLastModifiedTime(musicOld, old);

        assertThat(sweeper.sweep()).isEqualTo(1);
        assertThat(expired).doesNotExist();
        assertThat(fresh).exists();
        assertThat(savedOld).exists();
        assertThat(musicOld).exists();
        Files.delete(fresh);
        Files.delete(savedOld);
        Files.delete(musicOld);
    }

    @Test
    void badRequestsAreProblemsAndWriteNothing() throws Exception {
        long before = countFiles();
        problem(Map.of("text", "   "), 400, "empty-text");
        problem(Map.of("text", "\uD83D\uDE00 ?!..."), 400, "nothing-to-speak");
        problem(Map.of("text", "Hello", "voice", "en_US-nobody-low"), 400, "unknown-voice");
        problem(Map.of("text", "Hello", "voice", TinyPiperVoices.MULTI, "speaker", "dave"), 400, "unknown-speaker");
        problem(Map.of("text", "a".repeat(100 * 1024 + 1)), 413, "text-too-large");
        problem(Map.of("text", "word ".repeat(120)), 400, "text-too-long"); // anonymous: 500 characters
        given().contentType(ContentType.JSON).body("{not json").post("/api/tts/generate").then()
                .statusCode(400).contentType(PROBLEM);
        assertThat(countFiles()).isEqualTo(before);
    }

    @Test
    void blockedWordsInTextOrTagsAreRefusedAndNothingIsSpokenOrStored() throws Exception {
        long before = countFiles();
        String user = "user-" + UUID.randomUUID();
        String bearer = "Bearer " + token(user, "premium", Duration.ofSeconds(60), "soundbox-internal");
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("text", "Please kill yourself now.", "save_to_library", true),
                Map.of("text", "Such 5h1t weather.", "save_to_library", true),
                Map.of("text", "Hello there.", "tags", List.of("greeting", "p0rn"), "save_to_library", true))) {
            String field = body.containsKey("tags") ? "tags" : "text";
            given().contentType(ContentType.JSON).header("Authorization", bearer).body(body)
                    .post("/api/tts/generate").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:soundbox:problem:content-not-allowed"))
                    .body("detail", containsString(field))
                    .body("error", containsString(field))
                    .body("field", equalTo(field));
        }
        assertThat(countFiles()).isEqualTo(before);
        // Nothing was announced for the library either: the next speech of this user is the first event.
        String ok = given().contentType(ContentType.JSON).header("Authorization", bearer)
                .body(Map.of("text", "A spicy grape in Essex.", "save_to_library", true))
                .post("/api/tts/generate").then().statusCode(200).extract().path("gen_id");
        List<ConsumerRecord<String, AudioCreated>> seen = KafkaBroker.readUntil(Topics.AUDIO_CREATED,
                new AudioCreatedDeserializer(), rec -> ok.equals(rec.key()), Duration.ofSeconds(20));
        assertThat(seen).filteredOn(rec -> rec.value() != null && user.equals(rec.value().userId()))
                .extracting(ConsumerRecord::key).containsExactly(ok);
    }

    @Test
    void theTierInTheInternalTokenSetsTheTextLimit() {
        String text = "word ".repeat(300).strip(); // 1499 characters
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token("u1", "free", Duration.ofSeconds(60), "soundbox-internal"))
                .body(Map.of("text", text, "save_to_library", false)).post("/api/tts/generate").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("free tier allows 1000"));
        given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token("u2", "creator", Duration.ofSeconds(60), "soundbox-internal"))
                .body(Map.of("text", text, "save_to_library", false)).post("/api/tts/generate").then()
                .statusCode(200);
    }

    @Test
    void invalidInternalTokensAre401() {
        for (String token : List.of("garbage", token("u1", "free", Duration.ofSeconds(-120), "soundbox-internal"),
                token("u1", "free", Duration.ofSeconds(60), "someone-else"))) {
            given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                    .body(Map.of("text", "Hello")).post("/api/tts/generate").then()
                    .statusCode(401).contentType(PROBLEM).body("type", equalTo("urn:soundbox:problem:invalid-token"));
        }
    }

    @Test
    void samplesAreWavsMadeOnceAndUnknownVoicesAre404() throws Exception {
        byte[] first = given().get("/api/tts/sample/kevin16").then().statusCode(200).contentType("audio/wav")
                .header("Cache-Control", containsString("max-age")).extract().asByteArray();
        byte[] second = given().get("/api/tts/sample/kevin16").then().statusCode(200).extract().asByteArray();
        assertThat(WavCodec.read(first).durationSeconds()).isGreaterThan(1.0);
        assertThat(second).isEqualTo(first);
        given().get("/api/tts/sample/" + TinyPiperVoices.MULTI + "?speaker=carol").then().statusCode(200);
        given().get("/api/tts/sample/nobody").then().statusCode(404).contentType(PROBLEM);
    }

    private void problem(Map<String, Object> body, int status, String slug) {
        given().contentType(ContentType.JSON).body(body).post("/api/tts/generate").then()
                .statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("urn:soundbox:problem:" + slug))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
    }

    private long countFiles() throws Exception {
        try (var files = Files.list(config.audioDir())) {
            return files.count();
        }
    }

    private String token(String user, String tier, Duration validFor, String audience) {
        try {
            String pem = Files.readString(config.dataDir().resolve(TempDataDir.TEST_PRIVATE_KEY), StandardCharsets.US_ASCII);
            String b64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
            Instant now = Instant.now();
            return Jwt.claims().issuer("soundbox-gateway").audience(audience).subject(user).upn(user)
                    .claim("tier", tier).groups(Set.of(tier)).issuedAt(now.minusSeconds(1))
                    .expiresAt(now.plus(validFor)).claim("jti", UUID.randomUUID().toString())
                    .jws().algorithm(SignatureAlgorithm.RS256).sign(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
