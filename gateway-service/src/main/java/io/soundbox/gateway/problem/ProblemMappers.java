package io.soundbox.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the HTTP API into an {@code application/problem+json} response. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response.ResponseBuilder b = build(new Problem(e.type(), e.title(), e.status(), e.detail(), path(uri),
                e.extensions()));
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return build(new Problem("urn:soundbox:problem:malformed-json", "Invalid request", 400,
                "the request body is not valid JSON", path(uri), Map.of())).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return build(new Problem("about:blank", "Not Found", 404, "no resource at this path", path(uri),
                Map.of())).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uri) {
        return build(new Problem("urn:soundbox:problem:unsupported-media-type", "Unsupported Media Type", 415,
                "send the request body as application/json", path(uri), Map.of())).build();
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException e, UriInfo uri) {
        // Quarkus REST wraps body parse failures in BadRequestException.
        return build(new Problem("urn:soundbox:problem:invalid-request", "Invalid request", 400,
                "the request could not be read: check that the body is valid JSON and the parameters are well formed",
                path(uri), Map.of())).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 405 -> "this method is not allowed here";
            case 406 -> "this resource cannot produce the requested media type";
            default -> status >= 500 ? "the server could not handle this request" : title.toLowerCase();
        };
        Response.ResponseBuilder b = build(new Problem("about:blank", title, status, detail, path(uri), Map.of()));
        if (e instanceof NotAllowedException && original != null && original.getHeaderString("Allow") != null) {
            b.header("Allow", original.getHeaderString("Allow"));
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Internals (class names, messages, stack traces) stay in the log.
        LOG.errorf(e, "Unhandled error on %s", path(uri));
        return build(new Problem("about:blank", "Internal Server Error", 500,
                "the server could not handle this request", path(uri), Map.of())).build();
    }

    private static Response.ResponseBuilder build(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
