package io.soundbox.library.api;

import io.soundbox.library.search.LibraryBrowser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The public library: browse, filter and search (FTS5). Blocking JDBC underneath: these methods return
 * plain values, so Quarkus REST runs them on worker threads, never on the event loop.
 */
@Path("/api/library")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {
    private final LibraryBrowser browser;

    public LibraryResource(LibraryBrowser browser) {
        this.browser = browser;
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
                                    @QueryParam("category") String category) {
        LibraryQueryParser.Parsed parsed = LibraryQueryParser.parse(
                new LibraryQueryParser.Params(page, perPage, model, search, q, sort, userId, category));
        return LibraryPageResponse.of(browser.browse(parsed.query(), parsed.rawSearch()));
    }

    @GET
    @Path("/{id}")
    public LibraryItem get(@PathParam("id") String id) {
        return browser.find(id).map(LibraryItem::of).orElseThrow(() -> ProblemException.notFound(
                "no public library item with id '" + shown(id) + "'"));
    }

    private static String shown(String id) {
        String cut = id.length() > 80 ? id.substring(0, 80) + "…" : id;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
