package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.moderation.ModerationActions;
import io.soundbox.library.moderation.ModerationStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The original's admin moderation: the review queue and the decisions on one item or up to 100 at once.
 * Admins only (the internal token's groups hold {@code admin}).
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {
    private final CallerResolver callers;
    private final ModerationStore store;
    private final ModerationActions actions;

    public ModerationResource(CallerResolver callers, ModerationStore store, ModerationActions actions) {
        this.callers = callers;
        this.store = store;
        this.actions = actions;
    }

    /** {@code ?status=pending|approved|rejected&page&per_page}: oldest first; pending by default. */
    @GET
    @Path("/moderation")
    public LibraryPageResponse queue(@QueryParam("status") String status, @QueryParam("page") String page,
                                     @QueryParam("per_page") String perPage,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ApiParams.requireAdmin(callers.resolve(authorization));
        ReviewStatus s = ApiParams.blank(status) ? ReviewStatus.PENDING : ReviewStatus.parse(status).orElseThrow(() ->
                ProblemException.badParameter("status must be one of pending, approved, rejected; got '"
                        + ApiParams.shown(status) + "'"));
        return LibraryPageResponse.of(store.queue(s, ApiParams.intParam("page", page, 1, 1, 1_000_000),
                ApiParams.intParam("per_page", perPage, 20, 1, 100)));
    }

    /** {@code {action: approve|reject|delete}} → {@code {success, id, action, review_status}}. */
    @POST
    @Path("/moderate/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> moderate(@PathParam("id") String id, Bodies.Moderate body,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller admin = ApiParams.requireAdmin(callers.resolve(authorization));
        ModerationActions.Action action = action(ApiParams.body(body).action());
        String gid = ApiParams.id("id", id);
        ModerationActions.Outcome o = actions.apply(List.of(gid), action, admin).get(0);
        if (!o.success()) {
            throw LibraryResource.notFound(gid);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("id", gid);
        out.put("action", action.wireName());
        out.put("review_status", o.reviewStatus());
        return out;
    }

    /**
     * {@code {ids: [1..100], action}} → {@code {success, processed, results: [{id, success, review_status |
     * error}]}}; one transaction for the lot, unknown ids fail alone.
     */
    @POST
    @Path("/moderate/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> bulk(Bodies.Moderate body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller admin = ApiParams.requireAdmin(callers.resolve(authorization));
        ModerationActions.Action action = action(ApiParams.body(body).action());
        List<String> ids = ApiParams.ids("ids", body.ids());
        if (ids.isEmpty()) {
            throw ProblemException.badBody("ids must name 1 to " + ApiParams.MAX_IDS + " generations");
        }
        List<ModerationActions.Outcome> outcomes = actions.apply(ids, action, admin);
        List<Map<String, Object>> results = outcomes.stream().map(o -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", o.id());
            r.put("success", o.success());
            if (o.success()) {
                r.put("review_status", o.reviewStatus());
            } else {
                r.put("error", o.error());
            }
            return r;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("action", action.wireName());
        out.put("processed", outcomes.stream().filter(ModerationActions.Outcome::success).count());
        out.put("results", results);
        return out;
    }

    private static ModerationActions.Action action(String raw) {
        return ModerationActions.Action.parse(raw).orElseThrow(() ->
                ProblemException.badBody("action must be one of approve, reject, delete"));
    }
}
