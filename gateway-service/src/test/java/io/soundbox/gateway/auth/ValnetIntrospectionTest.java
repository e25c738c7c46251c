package io.soundbox.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.testsupport.HttpStub;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** introspect mode over real HTTP: an {@link HttpStub} plays Valnet's user endpoint. */
class ValnetIntrospectionTest {
    private final HttpStub valnet = new HttpStub();
    private final HttpValnetClient client = new HttpValnetClient(URI.create(valnet.baseUrl() + "/"), "/api/user/me",
            Duration.ofSeconds(2), new ObjectMapper());
    private final ValnetIntrospection introspection = new ValnetIntrospection(client, new ValnetUsers("admin", "tier"),
            Duration.ofMinutes(1), 100);

    @AfterEach
    void stop() {
        valnet.close();
    }

    @Test
    void asksValnetWithTheBearerTokenAndCachesTheAnswer() throws Exception {
        valnet.on("GET", "/api/user/me", HttpStub.Response.json(200,
                "{\"user_id\":\"u-1\",\"tier\":\"supporter\",\"permissions\":[]}"));
        assertThat(introspection.resolve("opaque-1")).isEqualTo(new Caller("u-1", Tier.SUPPORTER, false));
        assertThat(introspection.resolve("opaque-1")).isEqualTo(new Caller("u-1", Tier.SUPPORTER, false));
        assertThat(valnet.received()).hasSize(1);
        assertThat(valnet.received().get(0).header("Authorization")).isEqualTo("Bearer opaque-1");
        // Another token is another question.
        introspection.resolve("opaque-2");
        assertThat(valnet.received()).hasSize(2);
    }

    @Test
    void aTokenValnetRejectsIsInvalidAndTheRejectionIsRemembered() {
        valnet.on("GET", "/api/user/me", HttpStub.Response.json(401, "{\"error\":\"invalid token\"}"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> introspection.resolve("revoked")).isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("Valnet did not accept");
        }
        assertThat(valnet.received()).hasSize(1);
    }

    @Test
    void failsClosedWhenValnetIsDownOrConfused() {
        valnet.on("GET", "/api/user/me", HttpStub.Response.json(503, "{}"));
        assertThatThrownBy(() -> introspection.resolve("t1")).isInstanceOf(AuthUnavailableException.class);
        valnet.on("GET", "/api/user/me", new HttpStub.Response(200, "text/html", "<html>login</html>"));
        assertThatThrownBy(() -> introspection.resolve("t2")).isInstanceOf(AuthUnavailableException.class);
        valnet.on("GET", "/api/user/me", HttpStub.Response.json(200, "{\"tier\":\"creator\"}"));
        assertThatThrownBy(() -> introspection.resolve("t3")).isInstanceOf(AuthUnavailableException.class);
        // Failures are not cached: once Valnet is back, the same token works.
        valnet.on("GET", "/api/user/me", HttpStub.Response.json(200, "{\"id\":5,\"subscription_tier\":\"premium\"}"));
        assertThat(resolveQuietly("t1").tier()).isEqualTo(Tier.PREMIUM);

        valnet.close();
        assertThatThrownBy(() -> introspection.resolve("t4")).isInstanceOf(AuthUnavailableException.class);
    }

    private Caller resolveQuietly(String token) {
        try {
            return introspection.resolve(token);
        } catch (InvalidTokenException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCacheKeyIsTheTokensSha256() {
        assertThat(ValnetIntrospection.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
