package io.soundbox.gateway.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.testsupport.HttpStub;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client and the dispatcher's retries against a real loopback HTTP server. */
class NotificationDispatcherTest {
    private static final String PATH = "/api/notifications/send";
    private final ObjectMapper json = new ObjectMapper();
    private HttpStub accounts;
    private NotificationDispatcher dispatcher;

    @BeforeEach
    void start() {
        accounts = new HttpStub();
        HttpNotificationClient client = new HttpNotificationClient(URI.create(accounts.baseUrl() + PATH),
                Duration.ofSeconds(2), Optional.of("service-key"), json);
        dispatcher = new NotificationDispatcher(client, 16, 3, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        accounts.close();
    }

    private static Notification note(String user) {
        return new Notification(user, "soundbox.generation.completed", "Your sound is ready", "done",
                Map.of("job_id", "job-1"));
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    private long posts() {
        return accounts.received().stream().filter(r -> r.path().equals(PATH)).count();
    }

    @Test
    void deliversTheDocumentedBody() throws Exception {
        accounts.on("POST", PATH, HttpStub.Response.json(200, "{\"success\":true}"));
        assertThat(dispatcher.offer(note("v-42"))).isTrue();
        eventually(() -> dispatcher.delivered() == 1);
        HttpStub.Request r = accounts.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Authorization")).isEqualTo("Bearer service-key");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("user_id").asText()).isEqualTo("v-42");
        assertThat(body.path("type").asText()).isEqualTo("soundbox.generation.completed");
        assertThat(body.path("app_id").asText()).isEqualTo("soundbox");
        assertThat(body.path("data").path("job_id").asText()).isEqualTo("job-1");
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenGivenUp() throws Exception {
        accounts.on("POST", PATH, HttpStub.Response.json(503, "{}"));
        dispatcher.offer(note("v-1"));
        eventually(() -> dispatcher.failed() == 1);
        assertThat(posts()).isEqualTo(3);
        assertThat(dispatcher.delivered()).isZero();
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        accounts.on("POST", PATH, HttpStub.Response.json(400, "{}"));
        dispatcher.offer(note("v-2"));
        eventually(() -> dispatcher.failed() == 1);
        Thread.sleep(100);
        assertThat(posts()).isEqualTo(1);
    }

    @Test
    void anUnreachableServiceNeverBlocksTheCaller() throws Exception {
        NotificationDispatcher down = new NotificationDispatcher(new HttpNotificationClient(
                URI.create("http://127.0.0.1:1" + PATH), Duration.ofMillis(500), Optional.empty(), json),
                2, 2, Duration.ofMillis(10));
        try {
            int accepted = 0;
            for (int i = 0; i < 50; i++) {
                accepted += down.offer(note("v-" + i)) ? 1 : 0;
            }
            // The bounded queue took what fits (plus any taken off it meanwhile); the rest were dropped at once.
            assertThat(accepted).isGreaterThanOrEqualTo(2).isLessThan(50);
            assertThat(down.dropped()).isEqualTo(50 - accepted);
            int expected = accepted;
            eventually(() -> down.failed() == expected);
        } finally {
            down.close();
        }
    }
}
