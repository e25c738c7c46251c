package io.soundbox.gateway.ratelimit;

import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.web.ProblemResponses;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;

/**
 * Per-address limits, checked before any resource runs (a Vert.x route; in-memory buckets never
 * block): every request counts against {@code soundbox.limits.ip.requests}, requests without
 * credentials also against the smaller anonymous budget, and guest token requests against their own.
 * Authenticated users are limited per user where it matters (generation), not here.
 *
 * <p>The address is Vert.x's remote address: behind a reverse proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} with {@code trusted-proxies} so it is the
 * client's, not the proxy's.
 */
@ApplicationScoped
public class IpRateLimiter {
    static final String GUEST_PATH = "/api/auth/guest";
    /** After the security headers (so a 429 carries them), the path check and CORS (so browsers can read it). */
    public static final int ROUTE_ORDER = Integer.MIN_VALUE + 3;

    private final RateLimitBuckets buckets;
    private final boolean enabled;
    private final Rate any;
    private final Rate anonymous;
    private final Rate guest;
    private final List<AddressRange> exempt;
    private final List<String> exemptPaths;

    public IpRateLimiter(RateLimitBuckets buckets, GatewayConfig config) {
        GatewayConfig.Ip ip = config.limits().ip();
        this.buckets = buckets;
        this.enabled = config.limits().enabled();
        this.any = new Rate(ip.requests(), ip.window());
        this.anonymous = new Rate(ip.anonymousRequests(), ip.anonymousWindow());
        this.guest = new Rate(ip.guestTokens(), ip.guestTokenWindow());
        this.exempt = ip.exempt().orElse(List.of()).stream().map(AddressRange::parse).toList();
        this.exemptPaths = List.copyOf(ip.exemptPathPrefixes());
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(ROUTE_ORDER).handler(this::check);
        }
    }

    void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        SocketAddress remote = ctx.request().remoteAddress();
        String address = remote == null ? null : remote.hostAddress();
        if (address == null || exemptPaths.stream().anyMatch(path::startsWith)
                || exempt.stream().anyMatch(r -> r.contains(address))) {
            ctx.next();
            return;
        }
        String client = AddressRange.clientKey(address);
        RateDecision d = buckets.tryTake("ip:" + client, any);
        if (d.allowed() && !hasCredentials(ctx)) {
            d = buckets.tryTake("anon:" + client, anonymous);
        }
        if (d.allowed() && ctx.request().method() == HttpMethod.POST && path.equals(GUEST_PATH)) {
            d = buckets.tryTake("guest:" + client, guest);
            if (!d.allowed()) {
                refuse(ctx, d, "too many guest tokens from your address; try again in " + d.retryAfterSeconds()
                        + " s, or keep using the token you have");
                return;
            }
        }
        if (!d.allowed()) {
            refuse(ctx, d, "too many requests from your address; try again in " + d.retryAfterSeconds() + " s");
            return;
        }
        ctx.next();
    }

    private static boolean hasCredentials(RoutingContext ctx) {
        String h = ctx.request().getHeader("Authorization");
        return h != null && !h.isBlank();
    }

    private static void refuse(RoutingContext ctx, RateDecision d, String detail) {
        ProblemResponses.send(ctx, 429, "urn:soundbox:problem:rate-limited", "Too Many Requests", detail,
                Map.of("retry_after", d.retryAfterSeconds(), "limit", d.limit()), d.headers());
    }
}
