package io.soundbox.library.api;

import io.soundbox.library.auth.CallerResolver;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.files.FileLookupStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /internal/files/{name}}: the gateway's private-file check. Which generation an audio or
 * spectrogram file belongs to, with its owner and visibility. Only for internal tokens of the group
 * {@code service} (the gateway's own) or {@code admin}: the answer names owners of private items.
 */
@Path("/internal/files")
@Produces(MediaType.APPLICATION_JSON)
public class InternalFilesResource {
    static final Set<String> ALLOWED_GROUPS = Set.of("service", "admin");

    private final CallerResolver callers;
    private final FileLookupStore files;

    public InternalFilesResource(CallerResolver callers, FileLookupStore files) {
        this.callers = callers;
        this.files = files;
    }

    @GET
    @Path("/{name}")
    public Map<String, Object> lookup(@PathParam("name") String name,
                                      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (callers.groups(authorization).stream().noneMatch(ALLOWED_GROUPS::contains)) {
            throw ProblemException.forbidden("only the gateway's service token or an admin may look files up");
        }
        if (name == null || !FileLookupStore.FILE_NAME.matcher(name).matches()) {
            throw ProblemException.badParameter("name must be a file name of 1-255 letters, digits, '_', '.' or '-'");
        }
        Generation g = files.findByFile(name).orElseThrow(() ->
                ProblemException.notFound("no library item has a file named '" + ApiParams.shown(name) + "'"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", g.id());
        out.put("filename", g.filename());
        out.put("spectrogram", g.spectrogram());
        out.put("user_id", g.userId());
        out.put("is_public", g.isPublic());
        out.put("owner_public", g.ownerPublic());
        out.put("review_status", g.reviewStatus().wireName());
        out.put("prompt", g.prompt());
        return out;
    }
}
