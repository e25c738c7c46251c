package io.soundbox.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.soundbox.gateway.support.GatewayTestSupport;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

/** Security headers, CORS and body limits on real responses (the test config allows https://app.example.test). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class SecurityTests {
    private static final String ALLOWED = "https://app.example.test";
    private static final String EVIL = "https://evil.example";

    private static ValidatableResponse hasPageHeaders(ValidatableResponse r) {
        return r.header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header("Permissions-Policy", containsString("camera=()"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    @Test
    void everyKindOfResponseCarriesTheHeaders() {
        hasPageHeaders(given().get("/").then().statusCode(200)).header("Cache-Control", "no-cache");
        hasPageHeaders(given().get("/app.js").then().statusCode(200));
        hasPageHeaders(given().get("/job/anything").then().statusCode(401));
        hasPageHeaders(given().get("/no/such/path").then().statusCode(404));
        hasPageHeaders(given().post("/api/auth/guest").then().statusCode(200));
        hasPageHeaders(given().get("/q/health/live").then().statusCode(200));
    }

    @Test
    void widgetRoutesMayBeFramedByAnySite() {
        given().get("/widget/radio.js").then()
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void corsAnswersOnlyConfiguredOriginsOnTheApi() {
        given().header("Origin", ALLOWED).get("/job/anything").then().statusCode(401)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Vary", containsString("Origin"));
        given().header("Origin", EVIL).get("/job/anything").then().statusCode(401)
                .header("Access-Control-Allow-Origin", nullValue());

        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .options("/generate").then().statusCode(204)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST").options("/generate").then()
                .statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void audioAndWidgetAnswerAnyOrigin() {
        given().header("Origin", EVIL).get("/audio/missing.wav").then()
                .header("Access-Control-Allow-Origin", "*");
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "range").options("/audio/some.wav").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Headers", containsString("Range"));
        given().header("Origin", EVIL).get("/widget/radio.js").then().header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void aSameOriginPostWithAnOriginHeaderWorks() {
        String self = "http://localhost:" + io.restassured.RestAssured.port;
        given().header("Origin", self).post("/api/auth/guest").then().statusCode(200);
    }

    @Test
    void oversizedBodiesAreRefusedWithAProblem() {
        String token = GatewayTestSupport.guestToken();
        String huge = "{\"prompt\":\"" + "a".repeat(300 * 1024) + "\"}";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(huge).post("/generate").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:soundbox:problem:body-too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void controlCharactersInPromptsAreRefused() {
        given().auth().oauth2(GatewayTestSupport.guestToken()).contentType(ContentType.JSON)
                .body("{\"prompt\":\"rain\\u0000on a roof\"}").post("/generate").then()
                .statusCode(400).body("type", equalTo("urn:soundbox:problem:invalid-prompt"));
    }
}
