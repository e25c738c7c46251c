package io.soundbox.gateway.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST {accounts}{path}} with {@code {user_id, type, title, message, data, app_id}} as JSON,
 * authenticated with the configured service key when there is one.
 */
public final class HttpNotificationClient implements NotificationClient {
    private final HttpClient http;
    private final URI endpoint;
    private final Duration timeout;
    private final Optional<String> apiKey;
    private final ObjectMapper json;

    public HttpNotificationClient(URI endpoint, Duration timeout, Optional<String> apiKey, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.json = json;
    }

    @Override
    public void send(Notification n) throws Failure {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", n.userId());
        body.put("type", n.type());
        body.put("title", n.title());
        body.put("message", n.message());
        body.put("data", n.data());
        body.put("app_id", "soundbox");
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new Failure("unserialisable notification: " + e.getMessage(), false);
        }
        apiKey.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new Failure("accounts service unreachable: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            throw new Failure("accounts service answered " + status, status >= 500 || status == 429);
        }
    }
}
