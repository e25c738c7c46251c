package io.soundbox.gateway.web;

import io.soundbox.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Security headers on every response (REST, static files, errors, 429s from the rate limiter), added
 * when the headers are written: {@code nosniff}, a frame policy, a referrer policy and a Content
 * Security Policy. The web UI has no inline script or style, so its CSP needs no {@code unsafe-inline}.
 * Widget routes ({@code soundbox.security.embeddable-path-prefixes}) may be framed by any site, so
 * the radio can be embedded; everything else only by this origin.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "media-src 'self' blob:; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    static final String WIDGET_CSP = CSP.replace("frame-ancestors 'self'", "frame-ancestors *");
    /** Quarkus's Swagger UI page configures itself with inline script and style. */
    static final String SWAGGER_UI = "/q/swagger-ui";
    static final String SWAGGER_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";
    /** Widget scripts and styles are loaded by other sites on every page view: let browsers and CDNs keep them an hour. */
    static final String WIDGET_ASSET_CACHE = "public, max-age=3600";

    private final List<String> embeddable;

    public SecurityHeaders(GatewayConfig config) {
        this.embeddable = List.copyOf(config.security().embeddablePathPrefixes());
    }

    void install(@Observes Router router) {
        // Before every other route, so even Quarkus's own error pages get the headers.
        router.route().order(Integer.MIN_VALUE).handler(this::addOnHeadersEnd);
    }

    void addOnHeadersEnd(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean widget = embeddable.stream().anyMatch(path::startsWith);
        boolean widgetAsset = widget && (path.endsWith(".js") || path.endsWith(".css"));
        boolean https = "https".equalsIgnoreCase(ctx.request().scheme());
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("X-Content-Type-Options", "nosniff");
            h.set("Referrer-Policy", "strict-origin-when-cross-origin");
            h.set("Permissions-Policy", PERMISSIONS_POLICY);
            if (widget) {
                h.remove("X-Frame-Options");
                h.set("Content-Security-Policy", WIDGET_CSP);
            } else {
                h.set("X-Frame-Options", "SAMEORIGIN");
                h.set("Content-Security-Policy", path.startsWith(SWAGGER_UI) ? SWAGGER_CSP : CSP);
            }
            if (https) {
                h.set("Strict-Transport-Security", "max-age=31536000");
            }
            String type = h.get("Content-Type");
            if ((type != null && type.startsWith("text/html")) || path.equals("/") || path.endsWith(".html")) {
                h.set("Cache-Control", "no-cache");
            } else if (widgetAsset && ctx.response().getStatusCode() < 400) {
                h.set("Cache-Control", WIDGET_ASSET_CACHE);
            }
        });
        ctx.next();
    }
}
