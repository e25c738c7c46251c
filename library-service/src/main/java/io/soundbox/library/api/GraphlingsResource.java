package io.soundbox.library.api;

import io.soundbox.events.LibraryEvent;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.events.LibraryEventPublisher;
import io.soundbox.library.graphlings.SourceStore;
import io.soundbox.library.persistence.GenerationRepository;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The original's Graphlings paths: sources with their public counts, a source's items, the public
 * library of one source, and the admin's assignment of items to a source.
 */
@Path("/api/graphlings")
@Produces(MediaType.APPLICATION_JSON)
public class GraphlingsResource {
    private final CallerResolver callers;
    private final SourceStore sources;
    private final GenerationRepository generations;
    private final LibraryEventPublisher events;

    public GraphlingsResource(CallerResolver callers, SourceStore sources, GenerationRepository generations,
                              LibraryEventPublisher events) {
        this.callers = callers;
        this.sources = sources;
        this.generations = generations;
        this.events = events;
    }

    /** {@code {sources: [{id, count}], total}}: total is the number of sources. */
    @GET
    @Path("/sources")
    public Map<String, Object> sources() {
        List<Map<String, Object>> list = new ArrayList<>();
        sources.publicCounts().forEach((id, count) -> list.add(Map.of("id", id, "count", count)));
        return Map.of("sources", list, "total", list.size());
    }

    /** {@code {id, count, items}}: the public count and the newest page of the source's public items. */
    @GET
    @Path("/sources/{id}")
    public Map<String, Object> source(@PathParam("id") String id) {
        String source = sourceId(id, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", source);
        out.put("count", sources.publicCount(source));
        out.put("items", LibraryPageResponse.of(generations.list(query(source, null, 1, 20))).items());
        return out;
    }

    /** {@code ?source&page&per_page&model} → the usual page of public items. */
    @GET
    @Path("/library")
    public LibraryPageResponse library(@QueryParam("source") String source, @QueryParam("page") String page,
                                       @QueryParam("per_page") String perPage, @QueryParam("model") String model) {
        String s = ApiParams.blank(source) ? null : sourceId(source, false);
        return LibraryPageResponse.of(generations.list(query(s, model, ApiParams.intParam("page", page, 1, 1, 1_000_000),
                ApiParams.intParam("per_page", perPage, 20, 1, 100))));
    }

    /** Admin: {@code {generation_id | ids: [≤100], source | null}} → {@code {success, updated}}. */
    @POST
    @Path("/set-source")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setSource(Bodies.SetSource body,
                                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Caller admin = ApiParams.requireAdmin(callers.resolve(authorization));
        ApiParams.body(body);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (!ApiParams.blank(body.generationId())) {
            ids.add(ApiParams.id("generation_id", body.generationId()));
        }
        if (body.ids() != null) {
            ids.addAll(ApiParams.ids("ids", body.ids()));
        }
        if (ids.isEmpty() || ids.size() > ApiParams.MAX_IDS) {
            throw ProblemException.badBody("generation_id or ids must name 1 to " + ApiParams.MAX_IDS + " generations");
        }
        String source = body.source() == null ? null : sourceId(body.source(), true);
        List<String> updated = sources.setSource(List.copyOf(ids), source, Instant.now());
        for (String id : updated) {
            Map<String, Object> data = new HashMap<>();
            data.put("action", source == null ? "clear_source" : "set_source");
            if (source != null) {
                data.put("source", source);
            }
            events.publish(LibraryEvent.Type.CATEGORY_CHANGED, id, admin.userId(), data);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("updated", updated.size());
        return out;
    }

    private static LibraryQuery query(String source, String model, int page, int perPage) {
        return new LibraryQuery(page, perPage, ApiParams.model(model), null, LibrarySort.RECENT, null, null,
                Caller.anonymous(), null, null, null, source);
    }

    private static String sourceId(String raw, boolean inBody) {
        String s = raw.strip();
        if (!SourceStore.SOURCE_ID.matcher(s).matches()) {
            String detail = "source must be 1-64 lowercase letters, digits, '_' or '-'";
            throw inBody ? ProblemException.badBody(detail + " (or null to clear it)") : ProblemException.badParameter(detail);
        }
        return s;
    }
}
