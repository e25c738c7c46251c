package io.soundbox.gateway.ratelimit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The rate-limit state a resource wants reported on its successful response (for example the
 * caller's remaining generations on {@code POST /generate}). Refusals carry their headers on the
 * problem itself.
 */
@RequestScoped
public class RateLimitHeaders {
    private Map<String, String> headers = Map.of();

    public void report(RateDecision decision) {
        this.headers = decision.headers();
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Copies the reported headers onto the response. */
    public static class Filter {
        private final RateLimitHeaders state;

        public Filter(RateLimitHeaders state) {
            this.state = state;
        }

        @ServerResponseFilter
        public void addHeaders(ContainerResponseContext response) {
            state.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        }
    }
}
