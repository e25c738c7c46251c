package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class WebUiTests {

    @Test
    void indexPageHasSecurityHeaders() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("SAMEORIGIN"))
                .header("Referrer-Policy", equalTo("strict-origin-when-cross-origin"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("media-src 'self' blob:"))
                .header("Content-Security-Policy", containsString("img-src 'self' data:"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .body(containsString("app.js"));
    }

    @Test
    void shareLinksOpenTheWebUi() {
        given().get("/track/gen-1").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("src=\"/app.js\"")).body(containsString("id=\"main\""));
        given().get("/app.js").then().statusCode(200).body(containsString("/api/library/"))
                .body(containsString("/track/"));
        given().urlEncodingEnabled(false).get("/track/bad%20id").then().statusCode(404).contentType(containsString("application/problem+json"));
    }

    @Test
    void scriptsAndApiResponsesAreNosniff() {
        given().get("/js/api.js").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("/api/auth/guest"));
        given().post("/api/auth/guest").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/job/x").then().statusCode(401).header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
