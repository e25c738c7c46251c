package io.soundbox.library.api;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.community.CommunityActions;
import io.soundbox.library.community.TagConsensus;
import io.soundbox.library.community.TagSuggestionStore;
import io.soundbox.library.community.VoteStore;
import io.soundbox.library.manage.OwnerActions;
import io.soundbox.library.search.LibraryBrowser;
import io.soundbox.library.stats.StatsStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The library under {@code /api/library} as the original served it: browse, filter and search (FTS5), one
 * item, counts, and the community actions on an item (vote, feedback, tag suggestions). Blocking JDBC
 * underneath: these methods return plain values, so Quarkus REST runs them on worker threads.
 */
@Path("/api/library")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9_]{1,50}");

    private final LibraryBrowser browser;
    private final CallerResolver callers;
    private final CommunityActions community;
    private final VoteStore votes;
    private final TagSuggestionStore tags;
    private final StatsStore stats;
    private final OwnerActions owner;

    public LibraryResource(LibraryBrowser browser, CallerResolver callers, CommunityActions community, VoteStore votes,
                           TagSuggestionStore tags, StatsStore stats, OwnerActions owner) {
        this.browser = browser;
        this.callers = callers;
        this.community = community;
        this.votes = votes;
        this.tags = tags;
        this.stats = stats;
        this.owner = owner;
    }

    /**
     * Parameters are taken as text and checked here, so that a malformed number is a 400 problem rather
     * than JAX-RS's bare 404.
     */
    @GET
    public LibraryPageResponse list(@QueryParam("page") String page,
                                    @QueryParam("per_page") String perPage,
                                    @QueryParam("model") String model,
                                    @QueryParam("search") String search,
                                    @QueryParam("q") String q,
                                    @QueryParam("sort") String sort,
                                    @QueryParam("user_id") String userId,
                                    @QueryParam("category") String category,
                                    @QueryParam("is_public") String isPublic,
                                    @QueryParam("min_duration") String minDuration,
                                    @QueryParam("max_duration") String maxDuration,
                                    @QueryParam("source") String source,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        LibraryQueryParser.Parsed parsed = LibraryQueryParser.parse(new LibraryQueryParser.Params(page, perPage,
                model, search, q, sort, userId, category, isPublic, minDuration, maxDuration, source), caller);
        return LibraryPageResponse.of(browser.browse(parsed.query(), parsed.rawSearch()));
    }

    /** Public items per model: {@code {music, audio, voice, total}}. */
    @GET
    @Path("/counts")
    public Map<String, Long> counts() {
        return stats.kindCounts();
    }

    /** Public items per category, optionally of one model. */
    @GET
    @Path("/category-counts")
    public Map<String, Object> categoryCounts(@QueryParam("model") String model) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("categories", stats.categoryCounts(ApiParams.model(model)));
        return out;
    }

    @GET
    @Path("/{id}")
    public LibraryItem get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return GenerationResource.get(browser, callers.resolve(authorization), id);
    }

    @DELETE
    @Path("/{id}")
    public Map<String, Object> delete(@PathParam("id") String id,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return GenerationResource.delete(owner, callers.resolve(authorization), id);
    }

    /** {@code {vote: -1|0|1, feedback_reasons, notes, suggested_model}} → {@code {upvotes, downvotes, user_vote}}. */
    @POST
    @Path("/{id}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> vote(@PathParam("id") String id, Bodies.Vote body,
                                    @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return VoteResource.vote(community, callers.resolve(authorization), ApiParams.id("id", id), ApiParams.body(body));
    }

    /** The caller's votes on up to 100 items: {@code {votes: {id: vote}}}. */
    @POST
    @Path("/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> myVotes(Bodies.Ids body, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        List<String> ids = ApiParams.ids("ids", ApiParams.body(body).ids());
        return Map.of("votes", caller.isAnonymous() ? Map.of() : votes.votesOf(caller.userId(), ids));
    }

    /** How often each feedback reason was given; notes stay private. */
    @GET
    @Path("/{id}/feedback")
    public Map<String, Object> feedback(@PathParam("id") String id,
                                        @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        var g = visibleOr404(id, callers.resolve(authorization));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generation_id", g.id());
        out.put("upvotes", g.upvotes());
        out.put("downvotes", g.downvotes());
        out.putAll(votes.feedback(g.id()));
        return out;
    }

    /** {@code {category, action: add|remove}}: counts toward a consensus of distinct users. */
    @POST
    @Path("/{id}/suggest-tag")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> suggestTag(@PathParam("id") String id, Bodies.TagSuggestion body,
                                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        ApiParams.body(body);
        String category = category(body.category());
        TagConsensus.Action action = switch (body.action() == null ? "add" : body.action().strip().toLowerCase(Locale.ROOT)) {
            case "add" -> TagConsensus.Action.ADD;
            case "remove" -> TagConsensus.Action.REMOVE;
            default -> throw ProblemException.badBody("action must be add or remove");
        };
        TagSuggestionStore.SuggestionResult r;
        try {
            r = community.suggestTag(ApiParams.id("id", id), user, category, action).orElseThrow(() -> notFound(id));
        } catch (CommunityActions.UnknownCategoryException e) {
            throw ProblemException.badBody(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("category", category);
        out.put("action", action.name().toLowerCase(Locale.ROOT));
        out.put("agreeing", r.agreeing());
        out.put("threshold", r.threshold());
        out.put("applied", r.applied());
        out.put("categories", r.categories());
        return out;
    }

    @POST
    @Path("/{id}/cancel-tag")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> cancelTag(@PathParam("id") String id, Bodies.TagSuggestion body,
                                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller user = ApiParams.requireUser(callers.resolve(authorization));
        String category = category(ApiParams.body(body).category());
        boolean cancelled = community.cancelTag(ApiParams.id("id", id), user, category).orElseThrow(() -> notFound(id));
        return Map.of("category", category, "cancelled", cancelled);
    }

    @GET
    @Path("/{id}/tag-suggestions")
    public Map<String, Object> tagSuggestions(@PathParam("id") String id,
                                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller caller = callers.resolve(authorization);
        var g = visibleOr404(id, caller);
        return Map.of("generation_id", g.id(), "categories", g.categories(),
                "suggestions", tags.open(g.id(), caller.userId()));
    }

    private io.soundbox.library.domain.Generation visibleOr404(String id, Caller caller) {
        return community.visible(ApiParams.id("id", id), caller).orElseThrow(() -> notFound(id));
    }

    private static String category(String raw) {
        String c = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!CATEGORY.matcher(c).matches()) {
            throw ProblemException.badBody("category must be 1-50 letters, digits or '_'");
        }
        return c;
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("no library item with id '" + ApiParams.shown(id) + "'");
    }
}
