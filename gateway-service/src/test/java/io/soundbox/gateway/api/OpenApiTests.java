package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class OpenApiTests {

    @Test
    void theOpenApiDocumentListsThePublicApi() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/generate", "/job/{id}", "/job/{id}/cancel", "/api/queue",
                "/api/queue/{id}/cancel", "/api/queue/{id}/skip", "/api/queue/skip", "/api/queue/skip-pricing",
                "/api/auth/guest", "/audio/{file}", "/status", "/queue-status", "/random-prompt", "/track/{id}");
        assertThat(paths.keySet()).anyMatch(p -> p.startsWith("/api/{path"));
    }

    @Test
    void swaggerUiIsServed() {
        String html = given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200).extract()
                .asString();
        assertThat(html).containsIgnoringCase("swagger");
    }
}
