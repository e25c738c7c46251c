package io.soundbox.gateway.auth;

import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Resolves the {@code Authorization: Bearer} header of a request to a {@link Caller} with the resolver
 * of the configured {@link AuthMode}, or answers 401.
 */
@ApplicationScoped
public class BearerAuthenticator {
    private static final Logger LOG = Logger.getLogger(BearerAuthenticator.class);
    private static final int MAX_TOKEN_CHARS = 8192;

    private final CallerResolver resolver;

    public BearerAuthenticator(GatewayConfig config, LocalAuth local) {
        this.resolver = switch (config.auth().mode()) {
            case LOCAL -> local.tokens().orElseThrow();
        };
    }

    /** @throws ApiProblem 401 when the header is missing, malformed or the token is rejected */
    public Caller require(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw ApiProblem.unauthorized("send a bearer token in the Authorization header");
        }
        String h = authorizationHeader.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiProblem.unauthorized("the Authorization header must use the Bearer scheme");
        }
        String token = h.substring(7).trim();
        if (token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            throw ApiProblem.unauthorized("the bearer token is empty or too long");
        }
        try {
            return resolver.resolve(token);
        } catch (InvalidTokenException e) {
            LOG.debugf(e, "Rejected a bearer token: %s", e.getMessage());
            throw ApiProblem.unauthorized(e.getMessage())
                    .withHeader("WWW-Authenticate", "Bearer realm=\"soundbox\", error=\"invalid_token\"");
        }
    }
}
