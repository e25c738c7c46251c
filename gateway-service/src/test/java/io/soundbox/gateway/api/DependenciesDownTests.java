package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.soundbox.gateway.support.GatewayTestSupport;
import io.soundbox.gateway.support.TempDataDirResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kafka and library-service are unreachable: the gateway answers 503 problems instead of hanging. */
@QuarkusTest
@TestProfile(DependenciesDownTests.NothingUp.class)
class DependenciesDownTests {

    public static class NothingUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", "localhost:1",
                    "quarkus.rest-client.library.url", "http://127.0.0.1:1",
                    "quarkus.rest-client.generation.url", "http://127.0.0.1:1",
                    "soundbox.kafka.topic-bootstrap-timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TempDataDirResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    /** A request that hangs fails the test instead of the suite. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 5_000));

    @Test
    void generateAnswers503WhenTheBrokerIsDown() {
        String token = GatewayTestSupport.guestToken();
        given().config(BOUNDED).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"prompt\":\"broker is down\"}").post("/generate")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("generation queue unavailable, nothing was queued"));
    }

    @Test
    void libraryAnswers503WhenLibraryServiceIsDown() {
        given().config(BOUNDED).get("/api/library").then().statusCode(503).contentType("application/problem+json")
                .body("detail", containsString("library is unavailable"));
    }

    @Test
    void filesFailClosedWhenNobodyCanSayWhoMayReadThem() throws Exception {
        java.nio.file.Path audio = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("soundbox.audio-dir", java.nio.file.Path.class);
        java.nio.file.Files.createDirectories(audio);
        java.nio.file.Files.writeString(audio.resolve("unreachable.wav"), "RIFF-secret");
        for (String path : List.of("/audio/unreachable.wav", "/download/unreachable.wav")) {
            given().config(BOUNDED).get(path).then().statusCode(503).contentType("application/problem+json")
                    .body("type", equalTo("urn:soundbox:problem:file-visibility-unavailable"))
                    .body(org.hamcrest.Matchers.not(containsString("RIFF")));
        }
    }

    @Test
    void aPrivateGenerationIsRefusedWhenTheLibraryCannotCountTheStorage() {
        String token = GatewayTestSupport.guestToken();
        given().config(BOUNDED).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"prompt\":\"library is down\",\"is_public\":false}").post("/generate")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:storage-unavailable"))
                .body("detail", containsString("nothing was queued"));
    }

    @Test
    void statusDegradesWhenGenerationServiceIsDown() {
        given().config(BOUNDED).get("/status").then().statusCode(200)
                .body("status", equalTo("degraded"))
                .body("generation_service", equalTo(false))
                .body("models.music.state", equalTo("unknown"))
                .body("gpu.name", equalTo("unknown"))
                .body("queue_length", equalTo(0))
                .body("queue_by_model.music", equalTo(0))
                .body("estimated_wait", equalTo(0));
        given().config(BOUNDED).get("/queue-status").then().statusCode(200).body("queue_length", equalTo(0));
    }
}
