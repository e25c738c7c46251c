package io.soundbox.gateway.web;

import io.soundbox.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CORS. The API answers browsers only from the origins in {@code soundbox.security.cors-origins}
 * (none by default: the web UI is same-origin); audio, spectrograms and the widget answer any origin
 * with {@code *}, as in the original, so other sites can play the radio. Quarkus's own CORS filter
 * ({@code quarkus.http.cors}) stays off because it has one policy for every path.
 *
 * <p>Requests from other origins are not refused here (a same-origin POST carries an Origin header
 * too, and the browser enforces CORS on the answer); only a preflight from an origin not allowed
 * gets a 403.
 */
@ApplicationScoped
public class CorsPolicy {
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 2;
    static final String API_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS";
    static final String API_HEADERS = "Authorization, Content-Type, Range";
    static final String EXPOSED = "Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
            + "Content-Range, Accept-Ranges, Content-Length, ETag";

    /**
     * What the radio widget calls from other sites (data-server embeds): the radio's queue and the play
     * report. Both answer an anonymous caller, and the widget sends no credentials cross-site, so any
     * origin may call them; {@code Authorization} is not offered to such origins.
     */
    static final Pattern WIDGET_API = Pattern.compile("/api/radio(?:/[A-Za-z0-9_.:-]+)*|/api/track/[A-Za-z0-9_.-]{1,128}/play");
    static final String WIDGET_API_METHODS = "GET, POST, OPTIONS";

    private final Set<String> origins;
    private final List<String> publicPaths;

    public CorsPolicy(GatewayConfig config) {
        this.origins = Set.copyOf(config.security().corsOrigins().orElse(List.of()).stream()
                .map(o -> o.strip().replaceAll("/+$", "")).toList());
        this.publicPaths = List.copyOf(config.security().publicCorsPathPrefixes());
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::apply);
    }

    void apply(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String path = ctx.normalizedPath();
        boolean anyOrigin = publicPaths.stream().anyMatch(path::startsWith);
        boolean widgetApi = !anyOrigin && WIDGET_API.matcher(path).matches();
        MultiMap h = ctx.response().headers();
        if (!anyOrigin && !origins.isEmpty()) {
            h.add("Vary", "Origin");
        }
        if (origin == null) {
            if (path.startsWith("/widget/")) {
                // Widget assets say "*" to every caller, as the original did, so a cache shared between
                // sites holds an answer valid for all of them. (Files decide for themselves: a private
                // one must not say "*".)
                ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Access-Control-Allow-Origin", "*"));
            }
            ctx.next();
            return;
        }
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader("Access-Control-Request-Method") != null;
        if (anyOrigin) {
            h.set("Access-Control-Allow-Origin", "*");
            // A resource may add its own "*" too (FileResource does); two values make browsers refuse the
            // answer, so a media element with crossOrigin (the widget's analyser needs it) could not play.
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Access-Control-Allow-Origin", "*"));
            h.set("Access-Control-Expose-Headers", EXPOSED);
            if (preflight) {
                h.set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
                h.set("Access-Control-Allow-Headers", "Range");
                h.set("Access-Control-Max-Age", "86400");
                ctx.response().setStatusCode(204).end();
                return;
            }
        } else if (widgetApi && !origins.contains(origin)) {
            h.set("Access-Control-Allow-Origin", "*");
            h.set("Access-Control-Expose-Headers", EXPOSED);
            if (preflight) {
                h.set("Access-Control-Allow-Methods", WIDGET_API_METHODS);
                h.set("Access-Control-Allow-Headers", "Content-Type");
                h.set("Access-Control-Max-Age", "86400");
                ctx.response().setStatusCode(204).end();
                return;
            }
        } else if (origins.contains(origin)) {
            h.set("Access-Control-Allow-Origin", origin);
            h.set("Access-Control-Expose-Headers", EXPOSED);
            if (preflight) {
                h.set("Access-Control-Allow-Methods", API_METHODS);
                h.set("Access-Control-Allow-Headers", API_HEADERS);
                h.set("Access-Control-Max-Age", "600");
                ctx.response().setStatusCode(204).end();
                return;
            }
        } else if (preflight && !isSameOrigin(ctx, origin)) {
            ProblemResponses.send(ctx, 403, "urn:soundbox:problem:cors-origin-not-allowed", "Forbidden",
                    "this origin may not call the API from a browser", Map.of(), Map.of());
            return;
        }
        ctx.next();
    }

    private static boolean isSameOrigin(RoutingContext ctx, String origin) {
        String host = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
