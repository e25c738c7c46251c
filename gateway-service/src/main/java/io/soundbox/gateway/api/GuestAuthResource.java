package io.soundbox.gateway.api;

import io.soundbox.gateway.auth.LocalAuth;
import io.soundbox.gateway.auth.LocalTokens;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.util.HexFormat;

/** {@code POST /api/auth/guest}: a free-tier token for the web UI; local mode only. */
@Path("/api/auth/guest")
public class GuestAuthResource {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalAuth local;
    private final GatewayConfig config;

    public GuestAuthResource(LocalAuth local, GatewayConfig config) {
        this.local = local;
        this.config = config;
    }

    public record GuestToken(String token, String tier, String userId, long expiresIn) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public GuestToken guest() {
        LocalTokens tokens = local.tokens()
                .orElseThrow(() -> ApiProblem.notFound("guest tokens exist only in local auth mode"));
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        LocalTokens.IssuedToken t = tokens.issue("guest-" + HexFormat.of().formatHex(id), Tier.FREE,
                config.auth().tokenTtl());
        return new GuestToken(t.token(), t.tier().wireName(), t.userId(), config.auth().tokenTtl().toSeconds());
    }
}
