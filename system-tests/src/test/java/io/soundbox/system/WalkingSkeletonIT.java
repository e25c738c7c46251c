package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton through the gateway's public HTTP API only: a prompt becomes a playable WAV that
 * search finds, on the whole stack as an operator runs it ({@link SoundboxStack}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    private static SoundboxStack stack;
    private static Api api;
    private static String token;

    @BeforeAll
    static void startStack() throws Exception {
        stack = SoundboxStack.shared();
        api = new Api(stack);
    }

    @Test
    @Order(1)
    void aGuestGetsAFreeTierToken() throws Exception {
        Api.Reply r = api.post("/api/auth/guest", null, "{}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("tier").asText()).isEqualTo("free");
        token = body.path("token").asText();
        assertThat(token).isNotBlank();
    }

    @Test
    @Order(2)
    void aPromptBecomesAPlayableWavOfTheAskedDurationThatSearchFinds() throws Exception {
        Api.Reply submitted = api.post("/generate", token,
                "{\"prompt\":\"gentle rainy lofi piano for studying\",\"model\":\"music\",\"duration\":3}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String jobId = submitted.json().path("job_id").asText();
        assertThat(jobId).isNotBlank();

        JsonNode job = api.eventually(Duration.ofSeconds(90), () -> {
            JsonNode j = api.get("/job/" + jobId, token).json();
            return j.path("status").asText().equals("completed") ? j : null;
        });
        String audioUrl = job.path("audio_url").asText();
        assertThat(audioUrl).startsWith("/audio/");

        Api.Reply audio = api.get(audioUrl, null);
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.header("content-type")).hasValueSatisfying(v -> assertThat(v).contains("audio/"));
        PcmBuffer pcm = WavCodec.read(audio.bytes());
        assertThat(pcm.durationSeconds()).isCloseTo(3.0, within(0.01));
        assertThat(pcm.rms()).as("the file is not silence").isGreaterThan(0.01);

        JsonNode found = api.eventually(Duration.ofSeconds(60), () -> {
            JsonNode page = api.get("/api/library?q=" + URLEncoder.encode("lofi pian", StandardCharsets.UTF_8), null).json();
            for (JsonNode item : page.path("items")) {
                if (item.path("id").asText().equals(jobId)) {
                    return item;
                }
            }
            return null;
        });
        assertThat(found.path("prompt").asText()).isEqualTo("gentle rainy lofi piano for studying");
        assertThat(found.path("duration").asDouble()).isCloseTo(3.0, within(0.01));
    }

    @Test
    @Order(3)
    void badInputIsAClearProblemAndQueuesNothing() throws Exception {
        Api.Reply unknownModel = api.post("/generate", token, "{\"prompt\":\"a kazoo solo\",\"model\":\"kazoo\"}");
        assertThat(unknownModel.status()).isEqualTo(400);
        assertThat(unknownModel.header("content-type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(unknownModel.json().path("detail").asText()).contains("kazoo");

        Api.Reply tooLong = api.post("/generate", token, "{\"prompt\":\"" + "a".repeat(2000) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);

        Api.Reply noToken = api.post("/generate", null, "{\"prompt\":\"birds at dawn\"}");
        assertThat(noToken.status()).isEqualTo(401);

        Api.Reply traversal = api.get("/audio/..%2F..%2Fetc%2Fpasswd", null);
        assertThat(traversal.status()).isIn(400, 404);
        assertThat(traversal.text()).doesNotContain("root:");
    }

    @Test
    @Order(4)
    void soundEffectsTakeTheSamePath() throws Exception {
        Api.Reply submitted = api.post("/generate", token,
                "{\"prompt\":\"thunder rumbling over heavy rain\",\"model\":\"sfx\",\"duration\":2}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String jobId = submitted.json().path("job_id").asText();
        JsonNode job = api.eventually(Duration.ofSeconds(60), () -> {
            JsonNode j = api.get("/job/" + jobId, token).json();
            return j.path("status").asText().equals("completed") ? j : null;
        });
        Path file = stack.dataDir().resolve("audio").resolve(job.path("filename").asText());
        assertThat(WavCodec.read(file).durationSeconds()).isCloseTo(2.0, within(0.01));
    }
}
