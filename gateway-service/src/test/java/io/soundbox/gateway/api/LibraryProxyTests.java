package io.soundbox.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class LibraryProxyTests {

    @Test
    void searchIsPassedThroughUnchanged() {
        Response r = given().queryParam("q", "rain").queryParam("per_page", "20").get("/api/library");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.asString()).isEqualTo(LibraryStubResource.SEARCH_BODY);
    }

    @Test
    void itemIsPassedThrough() {
        Response r = given().get("/api/library/gen-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.asString()).isEqualTo(LibraryStubResource.ITEM_BODY);
    }

    @Test
    void libraryErrorsArePassedThroughWithTheirProblemDocument() {
        Response r = given().get("/api/library/gen-missing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.asString()).isEqualTo(LibraryStubResource.MISSING_BODY);
    }
}
