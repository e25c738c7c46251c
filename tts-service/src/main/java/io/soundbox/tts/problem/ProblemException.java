package io.soundbox.tts.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/** A request that cannot be served, answered as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Invalid request", detail);
    }

    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Problem toProblem() {
        return new Problem("urn:soundbox:problem:" + slug, title, status, getMessage(), extensions);
    }
}
