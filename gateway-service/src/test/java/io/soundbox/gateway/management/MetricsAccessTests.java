package io.soundbox.gateway.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's own metrics answer only the configured scrapers; the tests call from loopback, which is left out here. */
@QuarkusTest
@TestProfile(MetricsAccessTests.ScraperNetworkOnly.class)
class MetricsAccessTests {
    public static class ScraperNetworkOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("soundbox.security.metrics-allowed-from", "10.0.0.0/8");
        }
    }

    @Test
    void metricsAreAnUnknownPathToCallersOutsideTheScraperNetwork() {
        for (String path : new String[] {"/q/metrics", "/q/metrics/", "/q/metrics/json"}) {
            given().get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("error", equalTo("no resource at this path"))
                    .body(not(containsString("# TYPE")));
        }
    }

    @Test
    void healthStaysOpenForProbes() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
