package io.soundbox.library.restore;

import io.soundbox.library.api.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import jakarta.ws.rs.core.Response;

/**
 * While a restore runs, requests that change the library are answered 503 with Retry-After (reads go on):
 * a write in that window would be lost by the database swap. A write that got in holds the gate until its
 * response is written, so the restore waits for it.
 */
public class RestoreWriteFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String STAMP = RestoreWriteFilter.class.getName() + ".stamp";

    private final RestoreGate gate;

    public RestoreWriteFilter(RestoreGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter
    public Response enter(ContainerRequestContext request) {
        if (READS.contains(request.getMethod()) || request.getUriInfo().getPath().endsWith(RestoreResource.PATH)) {
            return null;
        }
        long stamp = gate.tryEnter();
        if (stamp == 0L) {
            String body = "{\"type\":\"urn:soundbox:problem:restore-in-progress\",\"title\":\"Service Unavailable\","
                    + "\"status\":503,\"detail\":\"the library is being restored from a backup; try again in a few "
                    + "seconds\",\"error\":\"the library is being restored from a backup\"}";
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(body).build();
        }
        request.setProperty(STAMP, stamp);
        return null;
    }

    @ServerResponseFilter
    public void leave(ContainerRequestContext request, ContainerResponseContext response) {
        Object stamp = request.getProperty(STAMP);
        if (stamp instanceof Long s) {
            request.removeProperty(STAMP);
            gate.leave(s);
        }
    }
}
