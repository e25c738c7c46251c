package io.soundbox.gateway.management;

import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.ratelimit.AddressRange;
import io.soundbox.gateway.web.ProblemResponses;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The gateway faces clients, and its Prometheus metrics name request paths and internals: {@code /q/metrics}
 * answers only callers from {@code soundbox.security.metrics-allowed-from} (loopback by default; a cluster
 * adds its scraper's network), everyone else gets the {@code 404} of an unknown path. Health stays open for
 * probes. The address is the one Quarkus resolved, so a forwarded address counts only from trusted proxies.
 */
@ApplicationScoped
public class MetricsAccess {
    /** Right after the path guard, so only canonical paths get here. */
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 2;

    private final List<AddressRange> allowed;

    @Inject
    public MetricsAccess(GatewayConfig config) {
        this(config.security().metricsAllowedFrom());
    }

    MetricsAccess(List<String> allowedFrom) {
        this.allowed = allowedFrom.stream().map(AddressRange::parse).toList();
    }

    void install(@Observes Router router) {
        router.routeWithRegex("^/q/metrics(?:/.*)?$").order(ROUTE_ORDER).handler(this::check);
    }

    void check(RoutingContext ctx) {
        SocketAddress remote = ctx.request().remoteAddress();
        if (remote != null && allowed(remote.hostAddress())) {
            ctx.next();
            return;
        }
        ProblemResponses.send(ctx, 404, "urn:soundbox:problem:not-found", "Not Found", "no resource at this path",
                Map.of(), Map.of());
    }

    boolean allowed(String address) {
        return address != null && allowed.stream().anyMatch(r -> r.contains(address));
    }
}
