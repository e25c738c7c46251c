package io.soundbox.gateway.api;

import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.downstream.DownstreamProxy;
import io.soundbox.gateway.files.DownloadCounter;
import io.soundbox.gateway.files.DownloadNames;
import io.soundbox.gateway.files.FileAccess;
import io.soundbox.gateway.files.FileInfo;
import io.soundbox.gateway.files.FileResponses;
import io.soundbox.gateway.files.MediaStore;
import io.soundbox.gateway.problem.ApiProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Audio and spectrogram files from the audio store. Effectively public files (the owner wants them
 * public and moderation approved them) are served to anyone with CORS {@code *}, as in the original,
 * so the radio widget can play them from other sites; any other file only to its owner or an admin,
 * by bearer token or signed URL (see {@link FileAccess}). Range requests let players seek.
 */
@Path("/")
public class FileResource {
    private final MediaStore audio;
    private final MediaStore spectrograms;
    private final FileAccess access;
    private final DownloadCounter downloads;
    private final DownstreamProxy proxy;

    public FileResource(GatewayConfig config, FileAccess access, DownloadCounter downloads, DownstreamProxy proxy) {
        this.audio = new MediaStore(config.audioDir(), "wav");
        this.spectrograms = new MediaStore(config.spectrogramDir(), "png");
        this.access = access;
        this.downloads = downloads;
        this.proxy = proxy;
    }

    @GET
    @Path("audio/{file}")
    public Response audio(@PathParam("file") String file, @QueryParam("exp") String exp,
                          @QueryParam("sig") String sig, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
                          @HeaderParam("If-None-Match") String ifNoneMatch,
                          @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        FileAccess.Grant grant = authorize(audio, file, authorization, exp, sig, false);
        return serve(audio, file, "audio/wav", grant, new FileResponses.Conditions(range, ifRange, ifNoneMatch,
                ifModifiedSince));
    }

    @GET
    @Path("download/{file}")
    public Response download(@PathParam("file") String file, @QueryParam("exp") String exp,
                             @QueryParam("sig") String sig,
                             @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                             @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
                             @HeaderParam("If-None-Match") String ifNoneMatch,
                             @HeaderParam("If-Modified-Since") String ifModifiedSince,
                             @Context HttpServerRequest request) {
        FileAccess.Grant grant = authorize(audio, file, authorization, exp, sig, true);
        Response r = serve(audio, file, "audio/wav", grant, new FileResponses.Conditions(range, ifRange, ifNoneMatch,
                ifModifiedSince));
        FileInfo info = grant.info();
        // Named after the prompt when the library knows the file; otherwise the file name.
        String name = file;
        if (info != null && info.id() != null && r.getStatus() < 300) {
            name = DownloadNames.friendly(info.prompt(), info.id(), file);
        }
        if (info != null && info.id() != null && startsADownload(r, request)) {
            downloads.record(new DownloadCounter.Download(info.id(), proxy.tokens().tokenFor(grant.caller())));
        }
        // Both names passed a [A-Za-z0-9_.-] check, so they need no quoting beyond the quotes.
        return Response.fromResponse(r).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("spectrogram/{file}")
    public Response spectrogram(@PathParam("file") String file, @QueryParam("exp") String exp,
                                @QueryParam("sig") String sig,
                                @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange,
                                @HeaderParam("If-None-Match") String ifNoneMatch,
                                @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        FileAccess.Grant grant = authorize(spectrograms, file, authorization, exp, sig, false);
        return serve(spectrograms, file, "image/png", grant, new FileResponses.Conditions(range, ifRange,
                ifNoneMatch, ifModifiedSince));
    }

    /** A whole file, or a range from its first byte (players fetch the rest in more ranges): one download. */
    static boolean startsADownload(Response r, HttpServerRequest request) {
        if (request != null && "HEAD".equals(request.method().name())) {
            return false;
        }
        if (r.getStatus() == 200) {
            return true;
        }
        String contentRange = r.getHeaderString("Content-Range");
        return r.getStatus() == 206 && contentRange != null && contentRange.startsWith("bytes 0-");
    }

    private FileAccess.Grant authorize(MediaStore store, String name, String authorization, String exp, String sig,
                                       boolean wantInfo) {
        // The name is checked first: nothing else about it is looked up or logged before.
        if (!store.isValidName(name)) {
            throw ApiProblem.badRequest("invalid-file-name", "not a valid file name");
        }
        return access.authorize(name, authorization, exp, sig, wantInfo);
    }

    private static Response serve(MediaStore store, String name, String contentType, FileAccess.Grant grant,
                                  FileResponses.Conditions conditions) {
        java.nio.file.Path file = store.resolve(name)
                .orElseThrow(() -> ApiProblem.notFound("no such file"));
        Response r = FileResponses.serve(file, contentType, conditions);
        Response.ResponseBuilder b = Response.fromResponse(r);
        if (grant.publicFile()) {
            b.header("Access-Control-Allow-Origin", "*");
        } else {
            // Only this user's browser may keep it; no shared cache, no CDN.
            b.header("Cache-Control", null).header("Cache-Control", "private, no-store");
        }
        return b.build();
    }
}
