package io.soundbox.gateway.downstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One downstream service (library-service, tts-service) behind the gateway: its base URL, a bounded
 * number of calls in flight (a bulkhead: a slow service cannot take every worker thread), a circuit
 * breaker, and timeouts. Blocking: call it from worker threads only.
 *
 * <p>The timeout covers the wait for the response headers; the body then streams through without a
 * deadline of its own, like any proxy.
 */
public final class Downstream {
    private final String name;
    private final String baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Semaphore inFlight;
    private final Duration bulkheadWait;

    public Downstream(String name, URI baseUrl, HttpClient http, Duration timeout, CircuitBreaker breaker,
                      int maxInFlight, Duration bulkheadWait) {
        this.name = name;
        String base = baseUrl.toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = http;
        this.timeout = timeout;
        this.breaker = breaker;
        this.inFlight = new Semaphore(maxInFlight);
        this.bulkheadWait = bulkheadWait;
    }

    public String name() {
        return name;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Sends the request and returns the response with its body still unread (the caller closes it).
     *
     * @throws DownstreamUnavailableException when the service is not reachable in time, its circuit
     *         is open, or too many calls to it are already waiting
     */
    public HttpResponse<InputStream> send(ProxyRequest request) {
        boolean admitted;
        try {
            admitted = inFlight.tryAcquire(bulkheadWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownstreamUnavailableException(name, "interrupted", e);
        }
        if (!admitted) {
            throw new DownstreamUnavailableException(name, "too many calls in flight", null);
        }
        try {
            if (!breaker.tryAcquire()) {
                throw new DownstreamUnavailableException(name, "circuit open after repeated failures", null);
            }
            try {
                HttpResponse<InputStream> response = http.send(toHttpRequest(request),
                        HttpResponse.BodyHandlers.ofInputStream());
                breaker.onSuccess();
                return response;
            } catch (HttpTimeoutException e) {
                breaker.onFailure();
                throw new DownstreamUnavailableException(name, "no answer within " + timeout, e);
            } catch (IOException e) {
                breaker.onFailure();
                throw new DownstreamUnavailableException(name, "unreachable (" + e + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                breaker.onFailure();
                throw new DownstreamUnavailableException(name, "interrupted", e);
            }
        } finally {
            inFlight.release();
        }
    }

    private HttpRequest toHttpRequest(ProxyRequest r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + r.pathAndQuery())).timeout(timeout);
        r.headers().forEach(b::header);
        if (r.internalToken() != null) {
            b.header("Authorization", "Bearer " + r.internalToken());
        }
        HttpRequest.BodyPublisher body = r.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        return b.method(r.method(), body).build();
    }
}
