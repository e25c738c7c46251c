package io.soundbox.gateway.jobs;

import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the one read model of this gateway instance injectable. */
@ApplicationScoped
public class JobReadModelProducer {
    @Produces
    @Singleton
    JobReadModel readModel(GatewayConfig config) {
        GatewayConfig.Jobs jobs = config.jobs();
        return new JobReadModel(jobs.readModelMaxSize(), jobs.finishedTtl(), jobs.activeTtl(), jobs.runnerLostAfter(),
                java.time.Clock.systemUTC());
    }
}
