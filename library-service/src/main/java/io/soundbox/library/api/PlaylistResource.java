package io.soundbox.library.api;

import io.soundbox.events.LibraryEvent;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.CommunityActions;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.playlist.Playlist;
import io.soundbox.library.playlist.PlaylistStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Playlists: the owner (or an admin) changes them; a public playlist can be read by anyone, a private
 * one only by its owner (others get 404). Tracks the viewer may not see are left out of the listing.
 */
@Path("/api/playlists")
@Produces(MediaType.APPLICATION_JSON)
public class PlaylistResource {
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 500;

    private final CallerResolver callers;
    private final PlaylistStore playlists;
    private final CommunityActions community;
    private final LibraryEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    public PlaylistResource(CallerResolver callers, PlaylistStore playlists, CommunityActions community,
                            LibraryEventPublisher events) {
        this.callers = callers;
        this.playlists = playlists;
        this.community = community;
        this.events = events;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Bodies.PlaylistFields body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        ApiParams.body(body);
        String name = name(body.name(), true);
        Playlist p = playlists.create(user.userId(), name, description(body.description()),
                Boolean.TRUE.equals(body.isPublic()), clock.instant());
        announce(p.id(), null, user, "created");
        return Response.status(201).entity(view(p, List.of())).build();
    }

    @GET
    public Map<String, Object> mine(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        List<Map<String, Object>> items = playlists.ownedBy(user.userId()).stream().map(p -> view(p, null)).toList();
        return Map.of("playlists", items, "total", items.size());
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        Playlist p = readable(id, caller);
        return view(p, playlists.tracks(p.id(), caller).stream().map(LibraryItem::of).toList());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") String id, Bodies.PlaylistFields body,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        Playlist p = owned(id, user);
        ApiParams.body(body);
        playlists.update(p.id(), body.name() == null ? null : name(body.name(), true),
                body.description() == null ? null : description(body.description()), body.isPublic(), clock.instant());
        announce(p.id(), null, user, "updated");
        return view(playlists.find(p.id()).orElseThrow(), null);
    }

    @DELETE
    @Path("/{id}")
    public Map<String, Object> delete(@PathParam("id") String id,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        Playlist p = owned(id, user);
        playlists.delete(p.id());
        announce(p.id(), null, user, "deleted");
        return Map.of("deleted", true, "id", p.id());
    }

    /** {@code {generation_id}}: appends a track the caller may see. */
    @POST
    @Path("/{id}/tracks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> addTrack(@PathParam("id") String id, Bodies.Track body,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        Playlist p = owned(id, user);
        String gid = ApiParams.id("generation_id", ApiParams.body(body).generationId());
        community.visible(gid, user).orElseThrow(() -> LibraryResource.notFound(gid));
        boolean added;
        try {
            added = playlists.addTrack(p.id(), gid, clock.instant());
        } catch (PlaylistStore.TrackChangeException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        if (added) {
            announce(p.id(), gid, user, "track_added");
        }
        return Map.of("playlist_id", p.id(), "generation_id", gid, "added", added,
                "track_count", playlists.find(p.id()).map(Playlist::trackCount).orElse(0));
    }

    @DELETE
    @Path("/{id}/tracks/{generationId}")
    public Map<String, Object> removeTrack(@PathParam("id") String id, @PathParam("generationId") String generationId,
                                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        Playlist p = owned(id, user);
        String gid = ApiParams.id("generation_id", generationId);
        if (!playlists.removeTrack(p.id(), gid, clock.instant())) {
            throw ProblemException.notFound("track '" + ApiParams.shown(gid) + "' is not in playlist " + p.id());
        }
        announce(p.id(), gid, user, "track_removed");
        return Map.of("playlist_id", p.id(), "generation_id", gid, "removed", true);
    }

    /** {@code {track_order: [every track id, in the new order]}}. */
    @PUT
    @Path("/{id}/reorder")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> reorder(@PathParam("id") String id, Bodies.Reorder body,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        Playlist p = owned(id, user);
        List<String> order = ApiParams.body(body).trackOrder();
        if (order == null || order.size() > PlaylistStore.MAX_TRACKS) {
            throw ProblemException.badBody("track_order must list at most " + PlaylistStore.MAX_TRACKS + " track ids");
        }
        try {
            playlists.reorder(p.id(), order, clock.instant());
        } catch (PlaylistStore.TrackChangeException e) {
            throw ProblemException.badBody(e.getMessage());
        }
        announce(p.id(), null, user, "reordered");
        return Map.of("playlist_id", p.id(), "track_order", order);
    }

    private Playlist readable(String id, Caller caller) {
        Playlist p = playlists.find(ApiParams.id("id", id)).orElseThrow(() -> notFound(id));
        if (!caller.maySee(p.isPublic(), p.userId())) {
            throw notFound(id);
        }
        return p;
    }

    private Playlist owned(String id, Caller user) {
        Playlist p = readable(id, user);
        if (!user.mayManage(p.userId())) {
            throw ProblemException.forbidden("only the owner or an admin may change this playlist");
        }
        return p;
    }

    private void announce(String playlistId, String generationId, Caller user, String action) {
        Map<String, Object> data = new HashMap<>();
        data.put("playlist_id", playlistId);
        data.put("action", action);
        events.publish(LibraryEvent.Type.PLAYLIST_CHANGED, generationId, user.userId(), data);
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no playlist with id '" + ApiParams.shown(id) + "'");
    }

    private static String name(String raw, boolean required) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() && required) {
            throw ProblemException.badBody("name is required");
        }
        if (n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badBody("name must be at most " + MAX_NAME + " printable characters");
        }
        return n;
    }

    private static String description(String raw) {
        String d = raw == null ? "" : raw.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw ProblemException.badBody("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        return d;
    }

    private static Map<String, Object> view(Playlist p, List<LibraryItem> tracks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("user_id", p.userId());
        out.put("name", p.name());
        out.put("description", p.description());
        out.put("is_public", p.isPublic());
        out.put("track_count", p.trackCount());
        out.put("created_at", p.createdAt().toString());
        out.put("updated_at", p.updatedAt().toString());
        if (tracks != null) {
            out.put("tracks", tracks);
        }
        return out;
    }
}
