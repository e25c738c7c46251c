package io.soundbox.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.problem.ApiProblem;
import io.soundbox.gateway.queue.AuraSkipPricing;
import io.soundbox.gateway.queue.QueueService;
import io.soundbox.gateway.queue.QueueSnapshot;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The queue: who waits where, cancelling, and paying Aura to skip ahead (the original's paths). */
@Path("/api/queue")
@Tag(name = "queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final BearerAuthenticator auth;
    private final QueueService queue;
    private final ObjectMapper json;

    public QueueResource(BearerAuthenticator auth, QueueService queue, ObjectMapper json) {
        this.auth = auth;
        this.queue = queue;
        this.json = json;
    }

    public record SkipPricing(String currency, boolean enabled, Integer duration, Integer cost,
                              List<AuraSkipPricing.Band> prices) {
    }

    @GET
    @Operation(summary = "Unfinished jobs: the caller's own with positions; other users' prompts only for admins")
    public QueueSnapshot queue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return queue.snapshot(auth.optional(authorization).orElse(null));
    }

    @GET
    @Path("/skip-pricing")
    @Operation(summary = "Aura price of skipping the queue, by duration")
    public SkipPricing skipPricing(@QueryParam("duration") String durationParam) {
        Integer duration = null;
        if (durationParam != null) {
            try {
                duration = Integer.valueOf(durationParam.strip());
            } catch (NumberFormatException e) {
                duration = 0;
            }
            if (duration < 1) {
                throw ApiProblem.badRequest("invalid-duration", "duration must be a whole number of seconds, at"
                        + " least 1").with("field", "duration");
            }
        }
        AuraSkipPricing p = queue.pricing();
        return new SkipPricing("aura", queue.skipsEnabled(), duration, duration == null ? null : p.costFor(duration),
                p.bands());
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an unfinished job (owner or admin)")
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        Caller caller = auth.require(authorization);
        return Response.accepted(queue.cancel(caller, id)).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/skip")
    @Operation(summary = "Pay Aura to move a queued job ahead (owner; once per job)")
    public QueueService.SkipDone skip(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                      @PathParam("id") String id) {
        Caller caller = auth.require(authorization);
        return queue.skip(caller, bearer(authorization), id);
    }

    @POST
    @Path("/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Same as /api/queue/{id}/skip with the job id in the body: {job_id}")
    public QueueService.SkipDone skipByBody(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                            String body) {
        Caller caller = auth.require(authorization);
        return queue.skip(caller, bearer(authorization), jobIdFrom(body));
    }

    private String jobIdFrom(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            throw ApiProblem.badRequest("malformed-json", "the request body is not valid JSON");
        }
        JsonNode id = node == null ? null : node.get("job_id");
        if (id == null || !id.isTextual() || id.textValue().isBlank()) {
            throw ApiProblem.badRequest("invalid-request", "send {\"job_id\": \"...\"}").with("field", "job_id");
        }
        return id.textValue();
    }

    /** The token part of a header {@link BearerAuthenticator#require} already accepted. */
    private static String bearer(String authorization) {
        return authorization.trim().substring(7).trim();
    }
}
