package io.soundbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.audio.WavCodec;
import io.soundbox.events.GenerationRequested;
import io.soundbox.events.ModelId;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.Topics;
import io.soundbox.testsupport.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Long jobs on the packaged stack (generation-service in {@code -Xmx256m -XX:+UseSerialGC}, as operators
 * run it): an admin's 10-minute piece completes with a WAV of the exact length, longer ones are refused
 * with the maximum, a long job is cancelled while it generates, and a request that slips past the gateway
 * over generation-service's own limit ends failed with a reason the owner reads on the job.
 */
class LongJobIT {
    private static SoundboxStack stack;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void startStack() throws Exception {
        stack = SoundboxStack.shared();
        api = new Api(stack);
        admin = stack.token("admin-long-jobs", "admin");
    }

    @Test
    void anAdminsTenMinutePieceCompletesInTheServicesHeap() throws Exception {
        Api.Reply refused = api.post("/generate", admin,
                "{\"prompt\":\"slow ambient drones\",\"model\":\"music\",\"duration\":601}");
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.header("content-type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(refused.json().path("max_duration").asInt()).isEqualTo(600);

        Api.Reply submitted = api.post("/generate", admin,
                "{\"prompt\":\"slow ambient piano with soft strings\",\"model\":\"music\",\"duration\":600}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String jobId = submitted.json().path("job_id").asText();

        JsonNode job = api.eventually(Duration.ofMinutes(6), () -> {
            JsonNode j = api.get("/job/" + jobId, admin).json();
            String status = j.path("status").asText();
            assertThat(status).as(j.toString()).isNotIn("failed", "cancelled");
            return status.equals("completed") ? j : null;
        });
        Path file = stack.dataDir().resolve("audio").resolve(job.path("filename").asText());
        WavCodec.Info info = WavCodec.info(file);
        assertThat(info.frames()).isEqualTo(600 * 32_000L);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(Files.size(file)).isEqualTo(WavCodec.HEADER_BYTES + 600 * 32_000L * 2 * 2);
    }

    @Test
    void aLongJobIsCancelledWhileItGenerates() throws Exception {
        Api.Reply submitted = api.post("/generate", admin,
                "{\"prompt\":\"heavy rain on a tin roof\",\"model\":\"sfx\",\"duration\":600}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        String jobId = submitted.json().path("job_id").asText();
        api.eventually(Duration.ofMinutes(6), () -> {
            JsonNode j = api.get("/job/" + jobId, admin).json();
            assertThat(j.path("status").asText()).as(j.toString()).isNotIn("completed", "failed");
            return j.path("status").asText().equals("generating") ? j : null;
        });

        Api.Reply cancel = api.post("/job/" + jobId + "/cancel", admin, null);
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(202);

        JsonNode job = api.eventually(Duration.ofMinutes(1), () -> {
            JsonNode j = api.get("/job/" + jobId, admin).json();
            assertThat(j.path("status").asText()).as(j.toString()).isNotIn("completed", "failed");
            return j.path("status").asText().equals("cancelled") ? j : null;
        });
        assertThat(job.path("status").asText()).isEqualTo("cancelled");
        assertThat(stack.dataDir().resolve("audio").resolve(jobId + ".wav")).doesNotExist();
    }

    @Test
    void aRequestOverTheServicesOwnLimitFailsWithTheReason() throws Exception {
        // Straight onto the topic, as a gateway with a wrong limit (or none) would send it.
        String jobId = "over-limit-" + System.nanoTime();
        KafkaBroker.publish(Topics.GENERATION_REQUESTED, new GenerationRequested(SchemaVersion.CURRENT, jobId,
                "admin-long-jobs", "admin", 0, ModelId.MUSIC, "an hour of ambient", 3600, false, null, Instant.now()));

        JsonNode job = api.eventually(Duration.ofMinutes(2), () -> {
            Api.Reply r = api.get("/job/" + jobId, admin);
            return r.status() == 200 && r.json().path("status").asText().equals("failed") ? r.json() : null;
        });
        assertThat(job.path("error").asText()).contains("1 to 600 seconds");
    }
}
