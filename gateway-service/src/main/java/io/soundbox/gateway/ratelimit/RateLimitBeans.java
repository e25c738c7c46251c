package io.soundbox.gateway.ratelimit;

import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The limits in force and the one bucket store of this gateway instance. */
@ApplicationScoped
public class RateLimitBeans {
    @Produces
    @Singleton
    TierLimits tierLimits(GatewayConfig config) {
        Map<String, TierLimits.Override> overrides = new LinkedHashMap<>();
        config.limits().tiers().forEach((name, o) ->
                overrides.put(name, new TierLimits.Override(o.perHour(), o.maxDuration(), o.maxPending())));
        return TierLimits.defaults().with(overrides);
    }

    @Produces
    @Singleton
    RateLimitBuckets buckets(GatewayConfig config) {
        GatewayConfig.Limits l = config.limits();
        Duration longest = Stream.of(l.generationWindow(), l.ip().anonymousWindow(), l.ip().window(),
                l.ip().guestTokenWindow()).max(Duration::compareTo).orElseThrow();
        return new RateLimitBuckets(l.maxTrackedKeys(), longest);
    }
}
