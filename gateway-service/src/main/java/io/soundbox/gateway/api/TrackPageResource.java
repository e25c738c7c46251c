package io.soundbox.gateway.api;

import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /track/{id}}: a share link. Answers the web UI's page; the UI reads the id from the path
 * and plays the track (it fetches {@code /api/library/{id}}).
 */
@Path("/track/{id}")
@Tag(name = "web")
public class TrackPageResource {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    private final byte[] page;

    public TrackPageResource() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/index.html")) {
            if (in == null) {
                throw new IllegalStateException("the web UI's index.html is missing");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Share link: the web UI, opening this track")
    public byte[] track(@PathParam("id") String id) {
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.notFound("no track at this path");
        }
        return page;
    }
}
