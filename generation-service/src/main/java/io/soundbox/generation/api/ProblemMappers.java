package io.soundbox.generation.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of this service's HTTP API is {@code application/problem+json}. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = e.getMessage() != null ? e.getMessage() : "request failed with status " + status;
        return Problem.response(status, detail);
    }

    /** Unexpected failures: logged here, answered without internals. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problem.response(500, "internal error; see the generation-service log");
    }
}
