package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.gateway.support.TestTokens;
import io.soundbox.testsupport.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

/** Every model has a longest clip, and it binds the admin tier too (which has no tier maximum). */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class ModelDurationLimitTests {
    @Test
    void anAdminOverTheModelsMaximumGets400NamingIt() {
        String admin = TestTokens.token("admin-long", Tier.ADMIN);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"prompt\":\"a very long ambient piece\",\"duration\":601,\"model\":\"music\"}")
                .post("/generate").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("max_duration", equalTo(600))
                .body("model", equalTo("music"))
                .body("field", equalTo("duration"))
                .body("detail", containsString("at most 600 seconds for model music"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"prompt\":\"rain for hours\",\"duration\":3600,\"model\":\"sfx\"}")
                .post("/generate").then().statusCode(400).body("max_duration", equalTo(600))
                .body("model", equalTo("audio"));
        // At the maximum itself the job is accepted.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"prompt\":\"a very long ambient piece\",\"duration\":600,\"model\":\"music\"}")
                .post("/generate").then().statusCode(202);
    }
}
