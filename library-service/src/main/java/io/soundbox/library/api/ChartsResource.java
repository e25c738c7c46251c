package io.soundbox.library.api;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.PlayStore;
import io.soundbox.library.community.VoteStore;
import io.soundbox.library.domain.CategoryCatalog;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.stats.StatsStore;
import io.soundbox.library.storage.StorageCleanup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trending, most played, statistics, categories, a user's own generations and history: the original's
 * paths outside {@code /api/library}. Counts and charts are over public items only.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ChartsResource {
    private final CallerResolver callers;
    private final StatsStore stats;
    private final CategoryCatalog catalog;
    private final GenerationRepository generations;
    private final PlayStore plays;
    private final VoteStore votes;
    private final StorageCleanup cleanup;

    public ChartsResource(CallerResolver callers, StatsStore stats, CategoryCatalog catalog,
                          GenerationRepository generations, PlayStore plays, VoteStore votes, StorageCleanup cleanup) {
        this.cleanup = cleanup;
        this.callers = callers;
        this.stats = stats;
        this.catalog = catalog;
        this.generations = generations;
        this.plays = plays;
        this.votes = votes;
    }

    @GET
    @Path("/trending")
    public Map<String, Object> trending(@QueryParam("hours") String hours, @QueryParam("limit") String limit) {
        int h = ApiParams.intParam("hours", hours, 24, 1, 24 * 365);
        int n = ApiParams.intParam("limit", limit, 20, 1, 100);
        return Map.of("items", stats.trending(Instant.now().minus(Duration.ofHours(h)), n).stream()
                .map(LibraryItem::of).toList(), "hours", h);
    }

    @GET
    @Path("/most-played")
    public Map<String, Object> mostPlayed(@QueryParam("model") String model, @QueryParam("limit") String limit) {
        int n = ApiParams.intParam("limit", limit, 20, 1, 100);
        return Map.of("items", stats.mostPlayed(ApiParams.model(model), n).stream().map(LibraryItem::of).toList());
    }

    @GET
    @Path("/stats")
    public Map<String, Object> overview() {
        return stats.overview();
    }

    /** A user's public numbers; the user themself (or an admin) also sees the private ones. */
    @GET
    @Path("/stats/user/{id}")
    public Map<String, Object> user(@PathParam("id") String id,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        String user = ApiParams.id("id", id);
        return stats.user(user, caller.mayManage(user));
    }

    @GET
    @Path("/stats/system")
    public Map<String, Object> system(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ApiParams.requireAdmin(callers.resolve(authorization));
        return stats.system();
    }

    @GET
    @Path("/categories/{model}")
    public Map<String, Object> categories(@PathParam("model") String model) {
        AudioKind kind = ApiParams.model(model);
        if (kind == null) {
            throw ProblemException.badParameter("model must be one of music, audio, voice");
        }
        List<String> all = List.copyOf(catalog.of(kind).keywords().keySet());
        Map<String, Long> counts = stats.categoryCounts(kind);
        Map<String, Long> withCounts = new LinkedHashMap<>();
        for (String c : all) {
            withCounts.put(c, counts.getOrDefault(c, 0L));
        }
        return Map.of("categories", all, "categories_with_counts", withCounts);
    }

    /** The caller's own generations, private ones included, newest first. */
    @GET
    @Path("/my-generations")
    public LibraryPageResponse mine(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                                    @QueryParam("model") String model,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        LibraryQuery q = new LibraryQuery(ApiParams.intParam("page", page, 1, 1, 1_000_000),
                ApiParams.intParam("per_page", perPage, 20, 1, 100), ApiParams.model(model), null, LibrarySort.RECENT,
                user.userId(), null, Caller.user(user.userId(), user.tier()), null, null, null);
        return LibraryPageResponse.of(generations.list(q));
    }

    /** Private items held against the tier's limit (the original's numbers; favorites are protected). */
    @GET
    @Path("/my-generations/storage")
    public Map<String, Object> storage(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return cleanup.storage(ApiParams.requireUser(callers.resolve(authorization)));
    }

    /**
     * {@code {count?, dry_run?}}: deletes the caller's oldest private generations that are not among their
     * favorites → {@code {deleted, deleted_ids, dry_run, storage}}.
     */
    @POST
    @Path("/my-generations/cleanup")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> cleanup(Bodies.Cleanup body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        Bodies.Cleanup b = body == null ? new Bodies.Cleanup(null, null) : body;
        if (b.count() != null && (b.count() < 0 || b.count() > StorageCleanup.MAX_COUNT)) {
            throw ProblemException.badBody("count must be a whole number from 0 to " + StorageCleanup.MAX_COUNT);
        }
        StorageCleanup.Result r = cleanup.cleanup(user, b.count(), Boolean.TRUE.equals(b.dryRun()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("deleted", r.dryRun() ? 0 : r.deletedIds().size());
        out.put("deleted_ids", r.deletedIds());
        out.put("dry_run", r.dryRun());
        out.put("storage", r.storage());
        return out;
    }

    @GET
    @Path("/history/plays")
    public Map<String, Object> playHistory(@QueryParam("limit") String limit,
                                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        List<PlayStore.PlayRecord> items = plays.history(user.userId(), ApiParams.intParam("limit", limit, 50, 1, 500));
        return Map.of("plays", items.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("generation_id", p.generationId());
            m.put("source", p.source());
            m.put("duration", p.duration());
            m.put("played_at", p.at().toString());
            return m;
        }).toList());
    }

    @GET
    @Path("/history/votes")
    public Map<String, Object> voteHistory(@QueryParam("limit") String limit,
                                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        List<VoteStore.VoteRecord> items = votes.history(user.userId(), ApiParams.intParam("limit", limit, 50, 1, 500));
        return Map.of("votes", items.stream().map(v -> Map.of("generation_id", v.generationId(), "vote", v.vote(),
                "feedback_reasons", v.feedbackReasons(), "voted_at", v.at().toString())).toList());
    }
}
