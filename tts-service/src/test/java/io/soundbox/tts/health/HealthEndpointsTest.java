package io.soundbox.tts.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.testsupport.KafkaBrokerResource;
import io.soundbox.tts.config.TtsConfig;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TempDataDir.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class HealthEndpointsTest {

    @Inject
    TtsConfig config;

    @Test
    void startupCreatesTheAudioStoreAndReportsReady() {
        assertThat(config.audioDir()).isDirectory();
        assertThat(config.audioDir().getParent().getFileName().toString()).startsWith("soundbox-tts-test-");

        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("audio-store"));
    }

    @Test
    void notReadyWhileTheAudioStoreCannotTakeAWrite() throws Exception {
        Path audio = config.audioDir();
        Path aside = audio.resolveSibling("audio.aside");
        Files.move(audio, aside);
        Files.writeString(audio, "a file where the folder should be");
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'audio-store' }.data.problem", containsString("not a directory"));
        } finally {
            Files.delete(audio);
            Files.move(aside, audio);
        }
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
