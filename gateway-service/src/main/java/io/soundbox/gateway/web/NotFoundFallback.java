package io.soundbox.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.problem.Problem;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * The last route: a path that neither a resource nor a static file served gets a problem document
 * instead of Vert.x's plain-text 404.
 */
@ApplicationScoped
public class NotFoundFallback {
    void install(@Observes Router router, ObjectMapper json) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            String body;
            try {
                body = json.writeValueAsString(new Problem("about:blank", "Not Found", 404,
                        "no resource at this path", ctx.normalizedPath(), Map.of()));
            } catch (JsonProcessingException e) {
                body = "{\"title\":\"Not Found\",\"status\":404}";
            }
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        });
    }
}
