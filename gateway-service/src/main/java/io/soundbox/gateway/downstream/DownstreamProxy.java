package io.soundbox.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.auth.LocalKeyFiles;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.web.PathCanonicaliser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The gateway's pass-through to library-service and tts-service: method, path, query, body and the
 * content-negotiation headers go out; the caller's identity goes as a short-lived internal JWT (none
 * for anonymous callers; the client's own token never leaves the gateway); status, body (streamed,
 * not buffered) and the response headers worth keeping come back unchanged, problem documents
 * included. An unreachable, failing or saturated service becomes a 503 problem here.
 */
@Startup
@ApplicationScoped
public class DownstreamProxy {
    private static final Logger LOG = Logger.getLogger(DownstreamProxy.class);

    /** Request headers a downstream service may need; everything else (cookies, the client's token) stays. */
    private static final List<String> FORWARDED_REQUEST_HEADERS = List.of("Content-Type", "Accept",
            "Accept-Language", "If-None-Match", "If-Modified-Since", "Range", "If-Range", "X-Request-Id");
    /** Response headers that are the gateway's business (hop-by-hop, CORS, security) or recomputed. */
    private static final Set<String> DROPPED_RESPONSE_HEADERS = Set.of("connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authenticate", "content-length", "date",
            "server", "set-cookie", "content-type", "access-control-allow-origin",
            "access-control-allow-credentials", "access-control-allow-headers", "access-control-allow-methods",
            "access-control-expose-headers", "access-control-max-age", "x-frame-options",
            "content-security-policy", "x-content-type-options", "referrer-policy", "strict-transport-security");

    private final BearerAuthenticator auth;
    private final ObjectMapper json;
    private final InternalTokenIssuer tokens;
    private final Downstream library;
    private final Downstream tts;
    private final Downstream backup;
    private final Downstream generation;

    public DownstreamProxy(BearerAuthenticator auth, GatewayConfig config, ObjectMapper json,
                           @ConfigProperty(name = "quarkus.rest-client.library.url") URI libraryUrl,
                           @ConfigProperty(name = "quarkus.rest-client.tts.url") URI ttsUrl,
                           @ConfigProperty(name = "quarkus.rest-client.backup.url") URI backupUrl,
                           @ConfigProperty(name = "quarkus.rest-client.generation.url") URI generationUrl) {
        this.auth = auth;
        this.json = json;
        GatewayConfig.InternalToken t = config.internalToken();
        this.tokens = new InternalTokenIssuer(
                LocalKeyFiles.loadOrCreate(config.dataDir().resolve("keys")).getPrivate(), Clock.systemUTC(),
                t.ttl(), t.reuseFor(), t.cacheMaxSize());
        GatewayConfig.Downstream d = config.downstream();
        // HTTP/1.1: the services are plain Quarkus HTTP servers on a private network; h2c upgrade
        // attempts would only add a round trip.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(d.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.library = new Downstream("library-service", libraryUrl, http, d.libraryTimeout(),
                new CircuitBreaker(d.breakerFailures(), d.breakerOpenFor(), Clock.systemUTC()),
                d.maxInFlight(), d.bulkheadWait());
        this.tts = new Downstream("tts-service", ttsUrl, http, d.ttsTimeout(),
                new CircuitBreaker(d.breakerFailures(), d.breakerOpenFor(), Clock.systemUTC()),
                d.maxInFlight(), d.bulkheadWait());
        // One backup runs at a time (backup-service answers 409 to a second): a small bulkhead is plenty.
        this.backup = new Downstream("backup-service", backupUrl, http, d.backupTimeout(),
                new CircuitBreaker(d.breakerFailures(), d.breakerOpenFor(), Clock.systemUTC()),
                4, d.bulkheadWait());
        // Read by the status page only (GET /models): a few calls at once are plenty.
        this.generation = new Downstream("generation-service", generationUrl, http, d.generationTimeout(),
                new CircuitBreaker(d.breakerFailures(), d.breakerOpenFor(), Clock.systemUTC()),
                8, d.bulkheadWait());
    }

    public Downstream generation() {
        return generation;
    }

    public Downstream library() {
        return library;
    }

    public Downstream tts() {
        return tts;
    }

    public Downstream backup() {
        return backup;
    }

    public InternalTokenIssuer tokens() {
        return tokens;
    }

    /**
     * Forwards the current request. Runs on a worker thread (it blocks until the response headers
     * arrive). {@code problemSlug} and {@code unavailableDetail} shape the 503 when the service is down.
     */
    public Response forward(Downstream target, String method, UriInfo uri, HttpHeaders headers, byte[] body,
                            String clientAddress, String problemSlug, String unavailableDetail) {
        return forward(target, method, uri, headers, body, clientAddress, problemSlug, unavailableDetail, null, 0);
    }

    /**
     * Like {@link #forward(Downstream, String, UriInfo, HttpHeaders, byte[], String, String, String)}, and
     * a successful JSON answer of at most {@code rewriteMaxBytes} goes through {@code rewrite} first
     * (buffered; the caller is null for an anonymous request); anything else streams through untouched.
     */
    public Response forward(Downstream target, String method, UriInfo uri, HttpHeaders headers, byte[] body,
                            String clientAddress, String problemSlug, String unavailableDetail,
                            JsonBodyRewrite rewrite, int rewriteMaxBytes) {
        // The gateway's path check (web/PathGuard) has refused ambiguous paths already; checked again
        // here so no caller of this method can forward a path that was not canonicalised.
        PathCanonicaliser.Result canonical = PathCanonicaliser.canonicalise(uri.getRequestUri().getRawPath());
        if (canonical.refused()) {
            throw ApiProblem.badRequest("invalid-path", canonical.refusal());
        }
        if (!ProxyRoutes.allows(target.name(), canonical.path().decoded())) {
            throw ApiProblem.notFound("no resource at this path");
        }
        String rawPath = canonical.path().encoded();
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        // No header: an anonymous call (the service decides what anonymous callers may do). A header
        // that does not authenticate is refused here rather than silently downgraded to anonymous.
        Caller caller = auth.optional(authorization).orElse(null);

        Map<String, String> out = new LinkedHashMap<>();
        for (String name : FORWARDED_REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        if (clientAddress != null) {
            out.put("X-Forwarded-For", clientAddress);
        }
        ProxyRequest request = new ProxyRequest(method, rawPath, uri.getRequestUri().getRawQuery(), out, body,
                tokens.tokenFor(caller));
        HttpResponse<InputStream> upstream;
        try {
            upstream = target.send(request);
        } catch (DownstreamUnavailableException e) {
            LOG.warnf("%s %s not forwarded: %s", method, rawPath, e.getMessage());
            throw ApiProblem.unavailable(problemSlug, unavailableDetail).withHeader("Retry-After", "5");
        }
        if (rewrite != null && rewritable(upstream, rewriteMaxBytes)) {
            return rewritten(upstream, caller, rewrite, rewriteMaxBytes);
        }
        return toResponse(upstream);
    }

    private static boolean rewritable(HttpResponse<InputStream> upstream, int maxBytes) {
        if (upstream.statusCode() != 200) {
            return false;
        }
        String type = upstream.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            return false;
        }
        long length = upstream.headers().firstValueAsLong("Content-Length").orElse(-1);
        return length <= maxBytes;
    }

    /** Buffers at most {@code maxBytes}; a longer body streams on untouched, the buffered part first. */
    private Response rewritten(HttpResponse<InputStream> upstream, Caller caller, JsonBodyRewrite rewrite,
                               int maxBytes) {
        InputStream in = upstream.body();
        byte[] head;
        try {
            head = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            closeQuietly(in);
            LOG.warnf("Reading a downstream answer failed: %s", e.getMessage());
            throw ApiProblem.unavailable("library-unavailable", "the library answer was cut off; try again")
                    .withHeader("Retry-After", "5");
        }
        if (head.length > maxBytes) {
            return toResponse(upstream, new SequenceInputStream(new ByteArrayInputStream(head), in));
        }
        closeQuietly(in);
        byte[] out = head;
        boolean changed = false;
        try {
            JsonNode tree = json.readTree(head);
            if (tree != null && rewrite.rewrite(tree, caller)) {
                out = json.writeValueAsBytes(tree);
                changed = true;
            }
        } catch (IOException e) {
            // Not the JSON it claims to be: pass it on as it came.
        }
        Response response = toResponse(upstream, new ByteArrayInputStream(out));
        if (!changed) {
            return response;
        }
        // Signed URLs differ per answer: the library's validators no longer describe this body, and no
        // shared cache may keep it.
        Response.ResponseBuilder b = Response.fromResponse(response);
        b.header("ETag", null).header("Last-Modified", null).header("Cache-Control", "private, no-store");
        return b.build();
    }

    static Response toResponse(HttpResponse<InputStream> upstream) {
        return toResponse(upstream, upstream.body());
    }

    static Response toResponse(HttpResponse<InputStream> upstream, InputStream body) {
        Response.ResponseBuilder b = Response.status(upstream.statusCode());
        upstream.headers().map().forEach((name, values) -> {
            if (!DROPPED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        String type = upstream.headers().firstValue("Content-Type").orElse(null);
        int status = upstream.statusCode();
        boolean bodyless = status == 204 || status == 304 || (status >= 100 && status < 200);
        if (bodyless) {
            closeQuietly(body);
            return b.build();
        }
        StreamingOutput stream = output -> {
            try (InputStream in = body) {
                in.transferTo(output);
            }
        };
        if (type != null) {
            b.header(HttpHeaders.CONTENT_TYPE, type);
        }
        return b.entity(stream).build();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it; the connection is released either way
        }
    }
}
