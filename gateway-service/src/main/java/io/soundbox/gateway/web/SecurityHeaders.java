package io.soundbox.gateway.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response (REST, static files, errors), added when the headers are
 * written: {@code nosniff} everywhere, and on HTML pages the frame, referrer, cache and content
 * security policies of the original. The web UI has no inline script or style, so the CSP needs no
 * {@code unsafe-inline}.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "media-src 'self' blob:; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";

    void install(@Observes Router router) {
        // Before every other route, so even Quarkus's own error pages get the headers.
        router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::addOnHeadersEnd);
    }

    static void addOnHeadersEnd(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        ctx.addHeadersEndHandler(v -> {
            MultiMap h = ctx.response().headers();
            h.set("X-Content-Type-Options", "nosniff");
            String type = h.get("Content-Type");
            if ((type != null && type.startsWith("text/html")) || path.equals("/") || path.endsWith(".html")) {
                h.set("X-Frame-Options", "SAMEORIGIN");
                h.set("Referrer-Policy", "strict-origin-when-cross-origin");
                h.set("Content-Security-Policy", CSP);
                h.set("Cache-Control", "no-cache");
            }
        });
        ctx.next();
    }
}
