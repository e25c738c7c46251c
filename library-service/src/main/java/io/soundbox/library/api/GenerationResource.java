package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.CommunityActions;
import io.soundbox.library.manage.OwnerActions;
import io.soundbox.library.search.LibraryBrowser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generation under {@code /api/generations/{id}} (the names; the original's
 * {@code /api/library/{id}} serves the same): read it, delete it (owner or admin), change its visibility,
 * vote on it.
 */
@Path("/api/generations")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationResource {
    private final LibraryBrowser browser;
    private final CallerResolver callers;
    private final OwnerActions owner;
    private final CommunityActions community;

    public GenerationResource(LibraryBrowser browser, CallerResolver callers, OwnerActions owner,
                              CommunityActions community) {
        this.browser = browser;
        this.callers = callers;
        this.owner = owner;
        this.community = community;
    }

    @GET
    @Path("/{id}")
    public LibraryItem get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return get(browser, callers.resolve(authorization), id);
    }

    @DELETE
    @Path("/{id}")
    public Map<String, Object> delete(@PathParam("id") String id,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return delete(owner, callers.resolve(authorization), id);
    }

    /** {@code {is_public: true|false}}. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> patch(@PathParam("id") String id, Bodies.Visibility body,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return visibility(id, body, authorization);
    }

    @PUT
    @Path("/{id}/visibility")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> putVisibility(@PathParam("id") String id, Bodies.Visibility body,
                                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return visibility(id, body, authorization);
    }

    @POST
    @Path("/{id}/visibility")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> postVisibility(@PathParam("id") String id, Bodies.Visibility body,
                                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return visibility(id, body, authorization);
    }

    @POST
    @Path("/{id}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> vote(@PathParam("id") String id, Bodies.Vote body,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return VoteResource.vote(community, callers.resolve(authorization), ApiParams.id("id", id), ApiParams.body(body));
    }

    private Map<String, Object> visibility(String id, Bodies.Visibility body, String authorization) {
        Caller caller = ApiParams.requireUser(callers.resolve(authorization));
        if (ApiParams.body(body).isPublic() == null) {
            throw ProblemException.badBody("is_public (true or false) is required");
        }
        String gid = ApiParams.id("id", id);
        OwnerActions.VisibilityOutcome outcome = owner.changeVisibility(gid, body.isPublic(), caller);
        switch (outcome.result()) {
            case NOT_FOUND -> throw LibraryResource.notFound(gid);
            case FORBIDDEN -> throw ProblemException.forbidden("only the owner or an admin may change this item");
            default -> {
            }
        }
        // is_public: what others see now; requested_public: the owner's wish (may wait for review).
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", gid);
        out.put("is_public", outcome.state().isPublic());
        out.put("requested_public", outcome.state().ownerPublic());
        out.put("review_status", outcome.state().status().wireName());
        return out;
    }

    static LibraryItem get(LibraryBrowser browser, Caller caller, String id) {
        return browser.find(id, caller).map(LibraryItem::of).orElseThrow(() -> LibraryResource.notFound(id));
    }

    static Map<String, Object> delete(OwnerActions owner, Caller caller, String id) {
        ApiParams.requireUser(caller);
        String gid = ApiParams.id("id", id);
        OwnerActions.Deleted d = owner.delete(gid, caller);
        switch (d.result()) {
            case NOT_FOUND -> throw LibraryResource.notFound(gid);
            case FORBIDDEN -> throw ProblemException.forbidden("only the owner or an admin may delete this item");
            default -> {
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", true);
        out.put("id", gid);
        out.put("filename", d.generation().filename());
        out.put("file_deleted", d.audioRemoved());
        return out;
    }
}
