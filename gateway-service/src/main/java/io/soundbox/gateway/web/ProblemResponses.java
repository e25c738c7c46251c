package io.soundbox.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.problem.Problem;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Problem documents written straight from Vert.x routes, before any JAX-RS resource runs. */
public final class ProblemResponses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, int status, String type, String title, String detail,
                            Map<String, Object> extensions, Map<String, String> headers) {
        send(ctx, status, type, title, detail, ctx.normalizedPath(), extensions, headers);
    }

    /** With an explicit {@code instance}, for requests whose path cannot be normalised. */
    public static void send(RoutingContext ctx, int status, String type, String title, String detail, String instance,
                            Map<String, Object> extensions, Map<String, String> headers) {
        String body;
        try {
            body = JSON.writeValueAsString(new Problem(type, title, status, detail, instance, extensions));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + title + "\",\"status\":" + status + "}";
        }
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
