package io.soundbox.gateway.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resolves the {@code Authorization: Bearer} header of a request to a {@link Caller} with the resolver
 * of the configured {@link AuthMode}: 401 for a bad token, 503 when Valnet cannot be asked (fail
 * closed), 403 from {@link #requireAdmin} for a caller without the admin role. Blocking in the Valnet
 * modes: call it from worker threads (plain JAX-RS methods). Created at start so a mode with missing
 * configuration stops the gateway with a clear message instead of failing the first request.
 */
@Startup
@ApplicationScoped
public class BearerAuthenticator {
    private static final Logger LOG = Logger.getLogger(BearerAuthenticator.class);
    private static final int MAX_TOKEN_CHARS = 8192;

    private final CallerResolver resolver;

    public BearerAuthenticator(GatewayConfig config, LocalAuth local, ObjectMapper json) {
        this.resolver = CallerResolvers.forMode(config, local, json);
    }

    /** @throws ApiProblem 401 when the header is missing, malformed or the token is rejected; 503 when Valnet is down */
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
        } catch (AuthUnavailableException e) {
            LOG.warnf("Cannot authenticate a request: %s", e.getMessage());
            throw ApiProblem.unavailable("auth-unavailable",
                            "the identity service cannot be reached, so nobody can be signed in right now; try again shortly")
                    .withHeader("Retry-After", "10");
        }
    }

    /** The caller when the request carries credentials, empty for an anonymous request; bad credentials are 401. */
    public Optional<Caller> optional(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(require(authorizationHeader));
    }

    /** The reusable check for admin endpoints: 401 without valid credentials, 403 without the admin role. */
    public Caller requireAdmin(String authorizationHeader) {
        Caller caller = require(authorizationHeader);
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "admin-required", "Forbidden", "this endpoint is for administrators only");
        }
        return caller;
    }
}
