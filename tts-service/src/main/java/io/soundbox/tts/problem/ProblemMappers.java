package io.soundbox.tts.problem;

import io.soundbox.tts.auth.InvalidTokenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json}: ours, bad tokens, bad JSON, and the unexpected. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem());
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response invalidToken(InvalidTokenException e) {
        return Response.fromResponse(respond(new Problem("urn:soundbox:problem:invalid-token", "Unauthorized", 401,
                e.getMessage(), Map.of()))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "the request body is not valid JSON for this endpoint"
                : status == 415 ? "send the request body as application/json"
                : e.getMessage();
        return respond(new Problem("urn:soundbox:problem:http-" + status,
                e.getResponse().getStatusInfo().getReasonPhrase(), status, detail, Map.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return respond(new Problem("urn:soundbox:problem:internal", "Internal error", 500,
                "speech could not be made: " + e.getClass().getSimpleName(), Map.of()));
    }

    static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }
}
