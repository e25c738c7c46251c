package io.soundbox.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown anywhere in the gateway to answer with a problem document. {@code slug} names the problem
 * type ({@code urn:soundbox:problem:<slug>}); {@code detail} is shown to the client verbatim, so it
 * must never contain internals.
 */
public class ApiProblem extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiProblem(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ApiProblem badRequest(String slug, String detail) {
        return new ApiProblem(400, slug, "Invalid request", detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Authentication required", detail)
                .withHeader("WWW-Authenticate", "Bearer realm=\"soundbox\"");
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not Found", detail);
    }

    public static ApiProblem unavailable(String slug, String detail) {
        return new ApiProblem(503, slug, "Service Unavailable", detail);
    }

    public ApiProblem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ApiProblem withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return "urn:soundbox:problem:" + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
