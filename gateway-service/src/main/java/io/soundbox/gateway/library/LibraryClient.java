package io.soundbox.gateway.library;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * library-service's read API. Returns raw responses (the default exception mapper is disabled in
 * configuration) so the gateway passes the library's status and body through unchanged.
 */
@RegisterRestClient(configKey = "library")
@Path("/api/library")
public interface LibraryClient {
    @GET
    Response search(@QueryParam("page") String page, @QueryParam("per_page") String perPage,
                    @QueryParam("model") String model, @QueryParam("search") String search,
                    @QueryParam("q") String q, @QueryParam("sort") String sort,
                    @QueryParam("user_id") String userId, @QueryParam("category") String category,
                    @QueryParam("source") String source);

    @GET
    @Path("/{id}")
    Response get(@PathParam("id") String id);
}
