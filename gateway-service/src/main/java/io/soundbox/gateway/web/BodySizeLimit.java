package io.soundbox.gateway.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with a problem document
 * before reading a byte of it. Bodies without a Content-Length (chunked) are cut off at the same
 * size by Quarkus itself.
 */
@ApplicationScoped
public class BodySizeLimit {
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 4;

    private final long maxBytes;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
                         MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > maxBytes) {
                ctx.response().putHeader("Connection", "close");
                ProblemResponses.send(ctx, 413, "urn:soundbox:problem:body-too-large", "Content Too Large",
                        "the request body is " + declared + " bytes; at most " + maxBytes + " bytes are accepted",
                        Map.of("max_bytes", maxBytes), Map.of());
                return;
            }
        }
        ctx.next();
    }
}
