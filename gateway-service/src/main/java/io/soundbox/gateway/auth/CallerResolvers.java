package io.soundbox.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.config.GatewayConfig;
import java.time.Clock;
import java.time.Duration;

/** Builds the {@link CallerResolver} of the configured mode, failing at start on incomplete configuration. */
final class CallerResolvers {
    private CallerResolvers() {
    }

    /** Verified signed tokens are remembered this long at most (never past their exp). */
    static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofSeconds(60);

    static CallerResolver forMode(GatewayConfig config, LocalAuth local, ObjectMapper json) {
        CallerResolver resolver = uncached(config, local, json);
        // Introspection caches on its own (its answers come from Valnet, not from a signature).
        return config.auth().mode() == AuthMode.INTROSPECT ? resolver
                : new VerifiedTokenCache(resolver, Clock.systemUTC(), VERIFIED_TOKEN_MAX_AGE, 10_000, json);
    }

    private static CallerResolver uncached(GatewayConfig config, LocalAuth local, ObjectMapper json) {
        GatewayConfig.Auth auth = config.auth();
        return switch (auth.mode()) {
            case LOCAL -> local.tokens().orElseThrow();
            case JWT -> {
                GatewayConfig.Jwt jwt = auth.jwt();
                var url = jwt.jwksUrl().orElseThrow(() -> missing("soundbox.auth.jwt.jwks-url", "jwt"));
                String issuer = jwt.issuer().orElseThrow(() -> missing("soundbox.auth.jwt.issuer", "jwt"));
                JwksKeys keys = new JwksKeys(new HttpJwksClient(url, jwt.jwksTimeout()), Clock.systemUTC(),
                        jwt.jwksRefresh(), jwt.jwksMinRefetchInterval());
                yield new ValnetJwtVerifier(keys, new ValnetUsers(auth.adminRole(), jwt.tierClaim()), issuer,
                        jwt.audience(), jwt.algorithms(), jwt.clockSkew(), json, Clock.systemUTC(),
                        auth.futureSkew());
            }
            case INTROSPECT -> {
                GatewayConfig.Introspect in = auth.introspect();
                var url = auth.valnetUrl().orElseThrow(() -> missing("soundbox.auth.valnet-url", "introspect"));
                yield new ValnetIntrospection(new HttpValnetClient(url, in.path(), in.timeout(), json),
                        new ValnetUsers(auth.adminRole(), "tier"), in.cacheTtl(), in.cacheMaxSize());
            }
        };
    }

    private static IllegalStateException missing(String key, String mode) {
        return new IllegalStateException(key + " must be set when soundbox.auth.mode=" + mode);
    }
}
