package io.soundbox.gateway.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@link ValnetClient} over HTTP: {@code GET {valnet}{path}} with the caller's bearer token. 401 and
 * 403 mean the token is bad; anything else that is not a 200 with a JSON object means Valnet cannot
 * vouch for anybody right now.
 */
public final class HttpValnetClient implements ValnetClient {
    private final URI userUrl;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient http;

    public HttpValnetClient(URI valnetUrl, String path, Duration timeout, ObjectMapper json) {
        String base = valnetUrl.toString().replaceAll("/+$", "");
        this.userUrl = URI.create(base + (path.startsWith("/") ? path : "/" + path));
        this.timeout = timeout;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI userUrl() {
        return userUrl;
    }

    @Override
    public JsonNode currentUser(String bearerToken) throws InvalidTokenException {
        HttpRequest request = HttpRequest.newBuilder(userUrl).timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<java.io.InputStream> r;
        String body;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = HttpBodies.read(r.body());
        } catch (IOException e) {
            throw new AuthUnavailableException("cannot reach Valnet at " + userUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthUnavailableException("interrupted while asking Valnet", e);
        }
        int status = r.statusCode();
        if (status == 401 || status == 403) {
            throw new InvalidTokenException("Valnet did not accept the token (it may have expired or been revoked)");
        }
        if (status != 200) {
            throw new AuthUnavailableException("Valnet answered HTTP " + status + " at " + userUrl);
        }
        try {
            JsonNode user = json.readTree(body);
            if (user == null || !user.isObject()) {
                throw new AuthUnavailableException("Valnet's answer is not a JSON object");
            }
            return user;
        } catch (JsonProcessingException e) {
            throw new AuthUnavailableException("Valnet's answer is not JSON", e);
        }
    }
}
