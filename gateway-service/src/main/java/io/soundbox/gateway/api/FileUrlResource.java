package io.soundbox.gateway.api;

import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.files.FileAccess;
import io.soundbox.gateway.files.FileUrlSigner;
import io.soundbox.gateway.files.MediaStore;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/files/{name}/url}: a signed URL for a file the caller may read (owner or admin), for
 * clients that need one for an element that cannot send a bearer token. {@code .wav} names get an
 * {@code /audio/} URL (the same signature opens {@code /download/}), {@code .png} a {@code /spectrogram/} one.
 */
@Path("/api/files/{name}/url")
@Tag(name = "files")
public class FileUrlResource {
    /** An answer body: the URL and when it stops working. */
    public record SignedFileUrl(String url, Instant expiresAt) {
    }

    private static final MediaStore AUDIO_NAMES = new MediaStore(java.nio.file.Path.of("."), "wav");
    private static final MediaStore IMAGE_NAMES = new MediaStore(java.nio.file.Path.of("."), "png");

    private final BearerAuthenticator auth;
    private final FileAccess access;

    public FileUrlResource(BearerAuthenticator auth, FileAccess access) {
        this.auth = auth;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A signed URL for one of my files (owner or admin)")
    public SignedFileUrl url(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @PathParam("name") String name) {
        Caller caller = auth.require(authorization);
        String route;
        if (AUDIO_NAMES.isValidName(name)) {
            route = "/audio/";
        } else if (IMAGE_NAMES.isValidName(name)) {
            route = "/spectrogram/";
        } else {
            throw ApiProblem.badRequest("invalid-file-name", "not a valid audio (.wav) or spectrogram (.png) file name");
        }
        if (!access.mayRead(caller, name)) {
            throw ApiProblem.notFound("no such file");
        }
        FileUrlSigner.SignedUrl signed = access.signer().sign(route, name);
        return new SignedFileUrl(signed.url(), signed.expiresAt());
    }
}
