package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.CommunityActions;
import io.soundbox.library.community.VoteRequest;
import io.soundbox.library.community.VoteStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/vote {generation_id, vote, ...}}: the name for the original's per-item vote. */
@Path("/api/vote")
@Produces(MediaType.APPLICATION_JSON)
public class VoteResource {
    private final CallerResolver callers;
    private final CommunityActions community;

    public VoteResource(CallerResolver callers, CommunityActions community) {
        this.callers = callers;
        this.community = community;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> vote(Bodies.Vote body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        return vote(community, caller, ApiParams.id("generation_id", ApiParams.body(body).generationId()), body);
    }

    static Map<String, Object> vote(CommunityActions community, Caller caller, String id, Bodies.Vote body) {
        ApiParams.requireUser(caller);
        VoteRequest v;
        try {
            v = VoteRequest.of(body.vote(), body.feedbackReasons(), body.notes(), body.suggestedModel());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badBody(e.getMessage());
        }
        VoteStore.Tally t = community.vote(id, caller, v).orElseThrow(() -> LibraryResource.notFound(id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generation_id", id);
        out.put("upvotes", t.upvotes());
        out.put("downvotes", t.downvotes());
        out.put("user_vote", t.userVote());
        return out;
    }
}
