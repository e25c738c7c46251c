package io.soundbox.generation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.generation.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TempDataDirResource.class, restrictToAnnotatedClass = false)
class ModelsResourceTest {

    @Test
    void listsEveryModelWithItsEngineAndState() {
        given().get("/models").then().statusCode(200)
                .body("models.id", contains("music", "audio", "magnet-music", "magnet-audio"))
                .body("models.state", everyItem(isOneOf("unloaded", "loading", "ready", "generating", "unloading")))
                .body("models.find { it.id == 'music' }.weights", equalTo("musicgen-small"))
                .body("memory.total_mb", greaterThan(0))
                .body("queue.length", greaterThanOrEqualTo(0))
                .body("models.find { it.id == 'music' }.engine", equalTo("procedural-music"))
                .body("models.find { it.id == 'audio' }.engine", equalTo("procedural-sfx"))
                .body("models.find { it.id == 'audio' }.kind", equalTo("sfx"))
                .body("models.find { it.id == 'music' }.sample_rate", equalTo(32000))
                // The procedural engines are plain Java: always on CPU, loaded or not.
                .body("models.find { it.id == 'music' }.device", equalTo("cpu"));
    }

    @Test
    void preloadsTheConfiguredModelAtStart() throws InterruptedException {
        // soundbox.models.preload=audio; the procedural engines need no memory, so it always fits.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"ready".equals(given().get("/models/audio").then().extract().path("state"))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/models/audio").then().statusCode(200).body("state", equalTo("ready"))
                .body("loads", equalTo(1)).body("memory_mb", equalTo(0));
    }

    @Test
    void exposesSchedulerAndModelMetrics() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("soundbox_queue_depth{priority=\"0\"}"))
                .body(containsString("soundbox_model_state{model=\"audio\",state=\"ready\"}"))
                .body(containsString("soundbox_memory_free"));
    }

    @Test
    void findsOneModelByNameOrAlias() {
        given().get("/models/sfx").then().statusCode(200).body("id", equalTo("audio"));
    }

    @Test
    void anUnknownModelIsAProblemDocument() {
        given().get("/models/kazoo").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("kazoo"));
    }

    @Test
    void isReadyWhenTheAudioStoreIsWritable() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("audio-store"));
    }
}
