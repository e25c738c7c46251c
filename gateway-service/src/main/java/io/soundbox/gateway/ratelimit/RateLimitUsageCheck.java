package io.soundbox.gateway.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until a restarted gateway has counted the last hour's generations (GenerationUsageRebuild). */
@Readiness
@ApplicationScoped
public class RateLimitUsageCheck implements HealthCheck {
    static final String NAME = "generation-rate-limits";

    private final GenerationUsageRebuild usage;

    public RateLimitUsageCheck(GenerationUsageRebuild usage) {
        this.usage = usage;
    }

    @Override
    public HealthCheckResponse call() {
        return usage.done()
                ? HealthCheckResponse.named(NAME).up().withData("replayed_requests", usage.replayed()).build()
                : HealthCheckResponse.named(NAME).down().withData("reason",
                        "reading the last hour of soundbox.generation.requested").build();
    }
}
