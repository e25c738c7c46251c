package io.soundbox.gateway.web;

import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.web.PathCanonicaliser.CanonicalPath;
import io.soundbox.gateway.web.PathCanonicaliser.Result;
import io.vertx.core.VertxException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * The first look at every request, before CORS, rate limits, static files, the proxy or any resource:
 * a request target longer than {@code soundbox.security.max-uri-length} gets 414, a path that
 * {@link PathCanonicaliser} refuses gets 400, and so does a target {@code java.net.URI} cannot read
 * (Quarkus's own check of that is off, see {@code GatewayMain}, because it answers with an empty
 * body), all as problem documents; an accepted path's canonical
 * form is left in the routing context ({@link #CANONICAL_PATH}). It works on the raw request target,
 * never on Vert.x's normalised path, which has already resolved the dot segments an attack relies on.
 *
 * <p>It also gives Vert.x's own early refusals (a 4xx failed before any route ran, such as a target
 * that does not start with '/') a problem body instead of an empty one.
 */
@ApplicationScoped
public class PathGuard {
    /** After the security headers (so refusals carry them), before CORS and everything else. */
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 1;
    /** Routing-context key of the request's {@link CanonicalPath}. */
    public static final String CANONICAL_PATH = "soundbox.canonical-path";
    private static final int INSTANCE_MAX_CHARS = 256;

    private final int maxUriLength;

    public PathGuard(GatewayConfig config) {
        this.maxUriLength = config.security().maxUriLength();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
        router.route().order(ROUTE_ORDER).failureHandler(this::earlyFailure);
        // A malformed escape ("%zz", a lone "%") fails in Vert.x Web's own path normalisation, before any
        // route or failure handler can match: only the router's error handler sees that 400.
        router.errorHandler(400, this::unroutable);
    }

    /** A 400 that no route's failure handler answered: the same problem the guard would have sent. */
    void unroutable(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        // No route ran, so SecurityHeaders did not either: the headers every answer carries.
        ctx.response().putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "strict-origin-when-cross-origin")
                .putHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY)
                .putHeader("X-Frame-Options", "SAMEORIGIN")
                .putHeader("Content-Security-Policy", SecurityHeaders.CSP);
        String raw = rawPath(ctx.request().uri());
        Result result = PathCanonicaliser.canonicalise(raw);
        if (result.refused()) {
            problem(ctx, 400, "invalid-path", "Invalid request", result.refusal(), raw, Map.of());
        } else {
            problem(ctx, 400, "invalid-request", "Invalid request", "the request could not be read", raw, Map.of());
        }
    }

    void check(RoutingContext ctx) {
        String target = ctx.request().uri();
        if (target != null && target.length() > maxUriLength) {
            ctx.response().putHeader("Connection", "close");
            String detail = "the request target is " + target.length() + " characters long; at most " + maxUriLength
                    + " are accepted";
            problem(ctx, 414, "uri-too-long", "URI Too Long", detail, target, Map.of("max_length", maxUriLength));
            return;
        }
        String raw = rawPath(target);
        Result result = PathCanonicaliser.canonicalise(raw);
        if (result.refused()) {
            problem(ctx, 400, "invalid-path", "Invalid request", result.refusal(), raw, Map.of());
            return;
        }
        if (!parsable(target)) {
            // What Quarkus's own check (off, see GatewayMain) refused with an empty 400: here the query.
            problem(ctx, 400, "invalid-request-target", "Invalid request",
                    "the request target is not a valid URI (characters such as '\\', '|', '{' or '\"' must be"
                            + " percent-encoded)", raw, Map.of());
            return;
        }
        ctx.put(CANONICAL_PATH, result.path());
        ctx.next();
    }

    /** A 4xx that Vert.x failed the request with before any handler ran: answer it as a problem. */
    void earlyFailure(RoutingContext ctx) {
        int status = ctx.statusCode();
        boolean early = ctx.get(CANONICAL_PATH) == null
                && (ctx.failure() == null || ctx.failure() instanceof VertxException);
        if (!early || status < 400 || status > 499 || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String raw = ctx.request().uri();
        String detail = status == 404 ? "no resource at this path"
                : ctx.failure() != null && ctx.failure().getMessage() != null ? ctx.failure().getMessage()
                : "the request could not be read";
        problem(ctx, status, status == 404 ? "not-found" : "invalid-request",
                status == 404 ? "Not Found" : "Invalid request", detail, raw, Map.of());
    }

    private static void problem(RoutingContext ctx, int status, String slug, String title, String detail,
                                String instance, Map<String, Object> extra) {
        ProblemResponses.send(ctx, status, "urn:soundbox:problem:" + slug, title, detail, shorten(instance),
                extra, Map.of());
    }

    /** Whether {@code java.net.URI} (as Quarkus REST and the services behind the proxy do) can read the target. */
    static boolean parsable(String target) {
        if (target == null) {
            return false;
        }
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The path of a request target in origin form ({@code /p?q}) or absolute form ({@code http://h/p?q}). */
    static String rawPath(String target) {
        if (target == null) {
            return "";
        }
        String t = target;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = t.indexOf('/', lower.indexOf("://") + 3);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int query = t.indexOf('?');
        return query < 0 ? t : t.substring(0, query);
    }

    private static String shorten(String instance) {
        if (instance == null) {
            return null;
        }
        return instance.length() <= INSTANCE_MAX_CHARS ? instance : instance.substring(0, INSTANCE_MAX_CHARS) + "...";
    }
}
