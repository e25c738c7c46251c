package io.soundbox.gateway.api;

import io.soundbox.gateway.library.LibraryClient;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/library} and {@code /api/library/{id}}, forwarded to library-service. Its status,
 * content type and body (problem documents included) pass through unchanged; only an unreachable
 * library becomes a 503 here.
 */
@Path("/api/library")
public class LibraryProxyResource {
    private static final Logger LOG = Logger.getLogger(LibraryProxyResource.class);

    private final LibraryClient library;

    public LibraryProxyResource(@RestClient LibraryClient library) {
        this.library = library;
    }

    @GET
    public Response search(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                           @QueryParam("model") String model, @QueryParam("search") String search,
                           @QueryParam("q") String q, @QueryParam("sort") String sort,
                           @QueryParam("user_id") String userId, @QueryParam("category") String category,
                           @QueryParam("source") String source) {
        return forward(() -> library.search(page, perPage, model, search, q, sort, userId, category, source));
    }

    @GET
    @Path("/{id}")
    public Response item(@PathParam("id") String id) {
        return forward(() -> library.get(id));
    }

    private static Response forward(Supplier<Response> call) {
        try (Response upstream = call.get()) {
            byte[] body = upstream.hasEntity() ? upstream.readEntity(byte[].class) : new byte[0];
            Response.ResponseBuilder b = Response.status(upstream.getStatus());
            if (upstream.getMediaType() != null) {
                b.type(upstream.getMediaType());
            }
            return b.entity(body).build();
        } catch (ProcessingException e) {
            // Connection refused, timeouts: library-service is down or overloaded.
            LOG.warnf("library-service unreachable: %s", e.getMessage());
            throw ApiProblem.unavailable("library-unavailable", "the library is unavailable; try again shortly")
                    .withHeader("Retry-After", "5");
        }
    }
}
