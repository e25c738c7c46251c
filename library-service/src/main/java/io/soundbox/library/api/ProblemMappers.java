package io.soundbox.library.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.library.auth.InvalidTokenException;
import io.soundbox.library.moderation.UserTextGuard;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as {@code application/problem+json} with a detail a person can act on. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath()));
    }

    /** User text with a blocked word: the gateway's shape (type, {@code error}, {@code field}). */
    @ServerExceptionMapper
    public Response contentNotAllowed(UserTextGuard.ContentNotAllowedException e, UriInfo uri) {
        var r = e.refusal();
        return respond(new Problem(Problem.CONTENT_NOT_ALLOWED, io.soundbox.moderation.ContentPolicy.Refusal.TITLE,
                400, r.detail(), uri.getPath(), java.util.Map.of("error", r.detail(), "field", r.field())));
    }

    /** A bad internal token: the gateway (or something pretending to be it) sent what we cannot trust. */
    @ServerExceptionMapper
    public Response invalidToken(InvalidTokenException e, UriInfo uri) {
        return respond(new Problem(Problem.UNAUTHORIZED, "Unauthorized", 401, e.getMessage(), uri.getPath()));
    }

    /** JAX-RS's own errors: unknown path (404), wrong method (405), unsupported media type (415)... */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String type = status == 404 ? Problem.NOT_FOUND : "urn:soundbox:problem:http-" + status;
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? title : e.getMessage();
        return respond(new Problem(type, title, status, detail, uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure answering %s", uri.getPath());
        return respond(new Problem(Problem.INTERNAL, "Internal Server Error", 500,
                "the library could not answer; the error is logged", uri.getPath()));
    }

    private static Response respond(Problem p) {
        String body;
        try {
            body = JSON.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
        // Written as text so no JSON provider has to be registered for the problem media type.
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
