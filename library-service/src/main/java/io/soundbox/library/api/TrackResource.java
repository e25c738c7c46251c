package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.CommunityActions;
import io.soundbox.library.community.FavoriteStore;
import io.soundbox.library.community.PlayStore;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.files.FileLookupStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Plays and per-track statistics: {@code POST /api/track/{id}/play}, {@code GET /api/track/{id}/stats}. */
@Path("/api/track")
@Produces(MediaType.APPLICATION_JSON)
public class TrackResource {
    /** The original's play sources. */
    static final Set<String> SOURCES = Set.of("radio", "library", "embed", "widget", "direct", "playlist");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final CallerResolver callers;
    private final CommunityActions community;
    private final PlayStore plays;
    private final FavoriteStore favorites;
    private final FileLookupStore files;

    public TrackResource(CallerResolver callers, CommunityActions community, PlayStore plays, FavoriteStore favorites,
                         FileLookupStore files) {
        this.files = files;
        this.callers = callers;
        this.community = community;
        this.plays = plays;
        this.favorites = favorites;
    }

    /** {@code {session_id, duration, source}} → {@code {play_count, unique_plays, counted}}; anonymous allowed. */
    @POST
    @Path("/{id}/play")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> play(@PathParam("id") String id, Bodies.Play body,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        Bodies.Play b = body == null ? new Bodies.Play(null, null, null) : body;
        String source = b.source() == null || b.source().isBlank() ? "direct" : b.source().strip().toLowerCase(Locale.ROOT);
        if (!SOURCES.contains(source)) {
            throw ProblemException.badBody("source must be one of radio, library, embed, widget, direct, playlist");
        }
        String session = b.sessionId() == null || b.sessionId().isBlank() ? null : b.sessionId().strip();
        if (session != null && !SESSION.matcher(session).matches()) {
            throw ProblemException.badBody("session_id must be 1-128 letters, digits or _ . : -");
        }
        if (b.duration() != null && (!Double.isFinite(b.duration()) || b.duration() < 0 || b.duration() > 86_400)) {
            throw ProblemException.badBody("duration must be a number of seconds from 0 to 86400");
        }
        String gid = ApiParams.id("id", id);
        PlayStore.PlayResult r = community.play(gid, caller, session, b.duration(), source)
                .orElseThrow(() -> LibraryResource.notFound(gid));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generation_id", gid);
        out.put("play_count", r.playCount());
        out.put("unique_plays", r.uniquePlays());
        out.put("counted", r.counted());
        return out;
    }

    @GET
    @Path("/{id}/stats")
    public Map<String, Object> stats(@PathParam("id") String id,
                                     @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String gid = ApiParams.id("id", id);
        Generation g = community.visible(gid, callers.resolve(authorization))
                .orElseThrow(() -> LibraryResource.notFound(gid));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generation_id", g.id());
        out.put("play_count", g.playCount());
        out.put("unique_plays", plays.uniquePlays(g.id()));
        out.put("plays_by_source", plays.bySource(g.id()));
        out.put("upvotes", g.upvotes());
        out.put("downvotes", g.downvotes());
        out.put("favorites", favorites.countFor(g.id()));
        out.put("download_count", g.downloadCount());
        return out;
    }

    /**
     * Counts a download → {@code {generation_id, download_count}}. The caller must be able to see the item
     * (public, or owner/admin); the gateway's service token may count any, having checked access itself.
     */
    @POST
    @Path("/{id}/download")
    public Map<String, Object> download(@PathParam("id") String id,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String gid = ApiParams.id("id", id);
        CallerResolver.Identified who = callers.identify(authorization);
        if (!who.groups().contains("service") && community.visible(gid, who.caller()).isEmpty()) {
            throw LibraryResource.notFound(gid);
        }
        long count = files.countDownload(gid).orElseThrow(() -> LibraryResource.notFound(gid));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generation_id", gid);
        out.put("download_count", count);
        return out;
    }
}
