package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.CommunityActions;
import io.soundbox.library.community.FavoriteStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The caller's favorites. Every path needs a signed-in caller. */
@Path("/api/favorites")
@Produces(MediaType.APPLICATION_JSON)
public class FavoriteResource {
    private final CallerResolver callers;
    private final CommunityActions community;
    private final FavoriteStore favorites;

    public FavoriteResource(CallerResolver callers, CommunityActions community, FavoriteStore favorites) {
        this.callers = callers;
        this.community = community;
        this.favorites = favorites;
    }

    @GET
    public LibraryPageResponse list(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        return LibraryPageResponse.of(favorites.list(user, ApiParams.intParam("page", page, 1, 1, 1_000_000),
                ApiParams.intParam("per_page", perPage, 20, 1, 100)));
    }

    /** {@code {generation_id}}: the form of {@code POST /api/favorites/{id}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> addByBody(Bodies.Track body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return add(ApiParams.body(body).generationId(), authorization);
    }

    @POST
    @Path("/{id}")
    public Map<String, Object> add(@PathParam("id") String id,
                                   @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        String gid = ApiParams.id("generation_id", id);
        community.favorite(gid, user).orElseThrow(() -> LibraryResource.notFound(gid));
        return Map.of("generation_id", gid, "is_favorite", true);
    }

    @DELETE
    @Path("/{id}")
    public Map<String, Object> remove(@PathParam("id") String id,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        String gid = ApiParams.id("generation_id", id);
        boolean removed = community.unfavorite(gid, user);
        return Map.of("generation_id", gid, "is_favorite", false, "removed", removed);
    }

    /** {@code {ids}} → {@code {favorites: [ids that are favorites]}}. */
    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> check(Bodies.Ids body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        var ids = ApiParams.ids("ids", ApiParams.body(body).ids());
        return Map.of("favorites", caller.isAnonymous() ? java.util.List.of()
                : favorites.favoritedAmong(caller.userId(), ids));
    }
}
