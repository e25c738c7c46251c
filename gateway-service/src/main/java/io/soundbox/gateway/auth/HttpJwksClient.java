package io.soundbox.gateway.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** {@link JwksClient} over HTTP(S) with connect and read timeouts. */
public final class HttpJwksClient implements JwksClient {
    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public HttpJwksClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String fetch() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET()
                .build();
        try {
            HttpResponse<java.io.InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body = HttpBodies.read(r.body());
            if (r.statusCode() != 200) {
                throw new AuthUnavailableException("the key set at " + url + " answered HTTP " + r.statusCode());
            }
            return body;
        } catch (IOException e) {
            throw new AuthUnavailableException("cannot fetch the key set at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthUnavailableException("interrupted while fetching the key set", e);
        }
    }
}
