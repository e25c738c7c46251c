package io.soundbox.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.generation.GenerationAccepted;
import io.soundbox.gateway.generation.GenerationOrder;
import io.soundbox.gateway.generation.GenerationService;
import io.soundbox.gateway.moderation.ContentChecks;
import io.soundbox.gateway.messaging.GenerationRequestPublisher.QueueUnavailableException;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /generate}: queue a generation. Runs on a worker thread (plain return type) because it
 * waits for the broker's acknowledgement.
 */
@Path("/generate")
public class GenerateResource {
    private final BearerAuthenticator auth;
    private final GenerationService generations;
    private final ObjectMapper json;
    private final ContentChecks content;

    public GenerateResource(BearerAuthenticator auth, GenerationService generations, ObjectMapper json,
                            ContentChecks content) {
        this.auth = auth;
        this.generations = generations;
        this.json = json;
        this.content = content;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response generate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        Caller caller = auth.require(authorization);
        // The original's first check: the free tier needs a verified email (Valnet accounts only).
        if (caller.tier() == io.soundbox.gateway.domain.Tier.FREE && !caller.emailVerified()) {
            throw new ApiProblem(403, "requires-verification", "Email verification required",
                    "verify your email address to generate on the free tier").with("requires_verification", true);
        }
        GenerationOrder order = generations.parse(readJson(body), caller);
        if (!caller.adult()) {
            content.check("prompt", order.prompt());
        }
        GenerationAccepted accepted;
        try {
            accepted = generations.submit(caller, order);
        } catch (QueueUnavailableException e) {
            throw ApiProblem.unavailable("queue-unavailable",
                    "generation queue unavailable, nothing was queued; try again shortly")
                    .withHeader("Retry-After", "10");
        }
        return Response.accepted(accepted).location(java.net.URI.create(accepted.statusUrl())).build();
    }

    private JsonNode readJson(String body) {
        if (body == null || body.isBlank()) {
            throw ApiProblem.badRequest("malformed-json", "the request body must be a JSON object");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            String why = String.valueOf(e.getOriginalMessage());
            throw ApiProblem.badRequest("malformed-json", "the request body is not valid JSON: "
                    + (why.length() > 200 ? why.substring(0, 200) + "..." : why));
        }
    }
}
