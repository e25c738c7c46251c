package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.playlist.Playlist;
import io.soundbox.library.playlist.PlaylistStore;
import io.soundbox.library.radio.RadioService;
import io.soundbox.library.radio.RadioStation;
import io.soundbox.library.search.Fts5Query;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The radio: stations (shuffle, favorites, trending, top rated, new, moods, any category) and "next
 * tracks" for a listener session, which does not repeat what the session was given lately. Public items
 * only (a user's favorites station also plays their own private items).
 */
@Path("/api/radio")
@Produces(MediaType.APPLICATION_JSON)
public class RadioResource {
    static final int MAX_COUNT = 50;
    static final int MAX_EXCLUDE = 200;
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    private final CallerResolver callers;
    private final RadioService radio;
    private final PlaylistStore playlists;

    public RadioResource(CallerResolver callers, RadioService radio, PlaylistStore playlists) {
        this.callers = callers;
        this.radio = radio;
        this.playlists = playlists;
    }

    /** The original's {@code GET /api/radio?station=...&limit=}. */
    @GET
    public Map<String, Object> station(@QueryParam("station") String station, @QueryParam("limit") String limit,
                                       @QueryParam("count") String count, @QueryParam("model") String model,
                                       @QueryParam("search") String search, @QueryParam("hours") String hours,
                                       @QueryParam("session_id") String session, @QueryParam("exclude") String exclude,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play(station, limit != null ? limit : count, 10, model, search, hours, session, exclude, authorization);
    }

    @GET
    @Path("/next")
    public Map<String, Object> next(@QueryParam("station") String station, @QueryParam("count") String count,
                                    @QueryParam("model") String model, @QueryParam("search") String search,
                                    @QueryParam("hours") String hours, @QueryParam("session_id") String session,
                                    @QueryParam("exclude") String exclude,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play(station, count, 3, model, search, hours, session, exclude, authorization);
    }

    @GET
    @Path("/stations")
    public Map<String, Object> stations() {
        return Map.of("stations", RadioStation.NAMES, "category_station", "category:<category id>");
    }

    @GET
    @Path("/shuffle")
    public Map<String, Object> shuffle(@QueryParam("count") String count, @QueryParam("model") String model,
                                       @QueryParam("search") String search, @QueryParam("session_id") String session,
                                       @QueryParam("exclude") String exclude,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play("shuffle", count, 10, model, search, null, session, exclude, authorization);
    }

    @GET
    @Path("/favorites")
    public Map<String, Object> favorites(@QueryParam("count") String count, @QueryParam("model") String model,
                                         @QueryParam("session_id") String session, @QueryParam("exclude") String exclude,
                                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ApiParams.requireUser(callers.resolve(authorization));
        return play("favorites", count, 10, model, null, null, session, exclude, authorization);
    }

    @GET
    @Path("/top-rated")
    public Map<String, Object> topRated(@QueryParam("count") String count, @QueryParam("model") String model,
                                        @QueryParam("session_id") String session, @QueryParam("exclude") String exclude,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play("top-rated", count, 10, model, null, null, session, exclude, authorization);
    }

    @GET
    @Path("/new")
    public Map<String, Object> newest(@QueryParam("count") String count, @QueryParam("model") String model,
                                      @QueryParam("hours") String hours, @QueryParam("session_id") String session,
                                      @QueryParam("exclude") String exclude,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play("new", count, 10, model, null, hours, session, exclude, authorization);
    }

    @GET
    @Path("/trending")
    public Map<String, Object> trending(@QueryParam("count") String count, @QueryParam("model") String model,
                                        @QueryParam("hours") String hours, @QueryParam("session_id") String session,
                                        @QueryParam("exclude") String exclude,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play("trending", count, 10, model, null, hours, session, exclude, authorization);
    }

    @GET
    @Path("/category/{category}")
    public Map<String, Object> category(@PathParam("category") String category, @QueryParam("count") String count,
                                        @QueryParam("model") String model, @QueryParam("session_id") String session,
                                        @QueryParam("exclude") String exclude,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return play("category:" + category, count, 10, model, null, null, session, exclude, authorization);
    }

    /** A playlist's tracks as a station, in order or shuffled. */
    @GET
    @Path("/playlist/{id}")
    public Map<String, Object> playlist(@PathParam("id") String id, @QueryParam("shuffle") String shuffle,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        Playlist p = playlists.find(ApiParams.id("id", id)).filter(pl -> caller.maySee(pl.isPublic(), pl.userId()))
                .orElseThrow(() -> ProblemException.notFound("no playlist with id '" + ApiParams.shown(id) + "'"));
        List<Generation> tracks = new ArrayList<>(playlists.tracks(p.id(), caller));
        if (Boolean.TRUE.equals(ApiParams.boolParam("shuffle", shuffle))) {
            Collections.shuffle(tracks, ThreadLocalRandom.current());
        }
        return response("playlist:" + p.id(), tracks);
    }

    private Map<String, Object> play(String stationName, String count, int defaultCount, String model, String search,
                                     String hours, String session, String exclude, String authorization) {
        Caller caller = callers.resolve(authorization);
        RadioStation station = RadioStation.parse(stationName).orElseThrow(() -> ProblemException.badParameter(
                "station must be one of " + String.join(", ", RadioStation.NAMES) + " or category:<id>; got '"
                        + ApiParams.shown(stationName) + "'"));
        if (station.source() == RadioStation.Source.FAVORITES) {
            ApiParams.requireUser(caller);
        }
        int n = ApiParams.intParam("count", count, defaultCount, 1, MAX_COUNT);
        int h = ApiParams.intParam("hours", hours, station.source() == RadioStation.Source.NEW ? 24 * 7 : 24, 1,
                24 * 365);
        String listener = session(session, caller);
        Fts5Query match = search == null ? null : Fts5Query.parse(search).orElse(null);
        List<Generation> tracks = radio.next(new RadioService.Request(station, ApiParams.model(model), match, h, listener,
                exclude(exclude), n), caller);
        return response(station.name(), tracks);
    }

    private static String session(String raw, Caller caller) {
        if (raw != null && !raw.isBlank()) {
            String s = raw.strip();
            if (!SESSION.matcher(s).matches()) {
                throw ProblemException.badParameter("session_id must be 1-128 letters, digits or _ . : -");
            }
            return "s:" + s;
        }
        return caller.isAnonymous() ? null : "u:" + caller.userId();
    }

    private static Set<String> exclude(String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 128)
                .limit(MAX_EXCLUDE).forEach(ids::add);
        return ids;
    }

    private static Map<String, Object> response(String station, List<Generation> tracks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("station", station);
        out.put("tracks", tracks.stream().map(LibraryItem::of).toList());
        out.put("count", tracks.size());
        return out;
    }
}
