package io.soundbox.generation.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

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
                .body("models.state", everyItem(equalTo("ready")))
                .body("models.find { it.id == 'music' }.engine", equalTo("procedural-music"))
                .body("models.find { it.id == 'audio' }.engine", equalTo("procedural-sfx"))
                .body("models.find { it.id == 'audio' }.kind", equalTo("sfx"))
                .body("models.find { it.id == 'music' }.sample_rate", equalTo(32000));
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
