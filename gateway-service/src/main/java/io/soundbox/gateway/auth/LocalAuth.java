package io.soundbox.gateway.auth;

import io.quarkus.runtime.Startup;
import io.soundbox.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Local mode's key pair and tokens, created eagerly at start so the key files exist before the first
 * request (the {@code ./soundbox token} script reads them).
 */
@Startup
@ApplicationScoped
public class LocalAuth {
    private final LocalTokens tokens;

    public LocalAuth(GatewayConfig config) {
        this.tokens = config.auth().mode() == AuthMode.LOCAL
                ? new LocalTokens(LocalKeyFiles.loadOrCreate(config.dataDir().resolve("keys")), Clock.systemUTC(),
                        config.auth().futureSkew())
                : null;
    }

    /** Empty unless the gateway runs in local mode. */
    public java.util.Optional<LocalTokens> tokens() {
        return java.util.Optional.ofNullable(tokens);
    }
}
