package io.soundbox.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.WavCodec;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.support.LibraryStubResource;
import io.soundbox.gateway.support.TempDataDirResource;
import io.soundbox.testsupport.KafkaBrokerResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The static web UI and the radio widget as a browser gets them: content types, caching, and the
 * headers that let other sites embed the widget while the app itself stays same-origin only.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(TempDataDirResource.class)
@QuarkusTestResource(LibraryStubResource.class)
class StaticAssetsTests {
    private static final String EVIL = "https://blog.example";

    @Inject
    GatewayConfig config;

    /** Every module the page imports, so a missing file fails here rather than in a browser. */
    private static final List<String> MODULES = List.of("/app.js", "/js/api.js", "/js/ui.js", "/js/player.js",
            "/js/actions.js", "/js/radio.js", "/js/library.js", "/js/generate.js", "/js/playlists.js", "/js/history.js");

    @Test
    void theGatewaysOwnMetricsAnswerLoopbackScrapes() {
        // The default soundbox.security.metrics-allowed-from is loopback, where the tests call from.
        given().get("/q/metrics").then().statusCode(200).body(containsString("# TYPE"));
    }

    @Test
    void theAppPageLoadsItsScriptsAsModulesWithoutInlineCode() {
        given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .header("X-Frame-Options", "SAMEORIGIN")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("<script type=\"module\" src=\"/app.js\"></script>"))
                .body(containsString("src=\"/widget/soundbox-radio.js\""))
                .body(not(containsString("<style")))
                .body(not(containsString("style=\"")))
                .body(not(containsString("onclick=")));
    }

    @Test
    void everyModuleIsServedAsJavaScript() {
        for (String path : MODULES) {
            given().get(path).then().statusCode(200)
                    .contentType(containsString("javascript"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "SAMEORIGIN");
        }
        given().get("/app.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    @Test
    void aShareLinkAnswersTheAppPageWithAbsoluteAssetPaths() {
        given().get("/track/abc-123").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("src=\"/app.js\""))
                .body(containsString("href=\"/app.css\""));
    }

    @Test
    void widgetAssetsAreCacheableEmbeddableAndReadableByAnyOrigin() {
        given().header("Origin", EVIL).get("/widget/soundbox-radio.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", SecurityHeaders.WIDGET_ASSET_CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .body(containsString("data-soundbox-radio"));
        given().header("Origin", EVIL).get("/widget/soundbox-radio.css").then().statusCode(200)
                .contentType(startsWith("text/css"))
                .header("Cache-Control", SecurityHeaders.WIDGET_ASSET_CACHE)
                .header("Access-Control-Allow-Origin", "*")
                .body(containsString(".sbr-t-neon"));
        // Also without an Origin header (a plain <script src>), as the original answered: one "*".
        io.restassured.response.Response plain = given().get("/widget/soundbox-radio.js");
        plain.then().statusCode(200);
        assertThat(plain.headers().getValues("Access-Control-Allow-Origin")).containsExactly("*");
    }

    @Test
    void theWidgetDemoPageIsFrameableHtmlThatIsNotCachedLong() {
        given().get("/widget/demo.html").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-cache")
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .body(containsString("data-soundbox-radio"))
                .body(containsString("src=\"/widget/demo.js\""));
        given().get("/widget/demo.js").then().statusCode(200).contentType(containsString("javascript"));
        given().get("/widget/embed.html").then().statusCode(200)
                .header("X-Frame-Options", nullValue())
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .body(containsString("src=\"/widget/embed.js\""));
    }

    @Test
    void aMissingWidgetFileIsNotMarkedCacheable() {
        given().get("/widget/nope.js").then().statusCode(404)
                .header("Cache-Control", not(equalTo(SecurityHeaders.WIDGET_ASSET_CACHE)));
    }

    @Test
    void theWidgetMayCallTheRadioAndReportPlaysFromAnotherSite() {
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "GET")
                .options("/api/radio/next").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"));
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/track/abc-123/play").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", equalTo("Content-Type"));
    }

    @Test
    void otherApiPathsStillRefuseOtherSites() {
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                .options("/api/track/abc-123/stats").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "POST")
                .options("/api/playlists").then().statusCode(403);
        given().header("Origin", EVIL).header("Access-Control-Request-Method", "GET")
                .options("/api/radio/../library").then().statusCode(400)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void audioReadByAnotherSiteCarriesExactlyOneAllowOrigin() throws Exception {
        // The widget's <audio crossOrigin="anonymous"> is refused by browsers when this header repeats.
        Files.createDirectories(config.audioDir());
        WavCodec.writeAtomically(PcmBuffer.mono(8000, new float[800]), config.audioDir().resolve("cors-1.wav"));
        Response r = given().header("Origin", EVIL).get("/audio/cors-1.wav");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().getValues("Access-Control-Allow-Origin")).containsExactly("*");
    }
}
