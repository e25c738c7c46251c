package io.soundbox.gateway.api;

import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.files.DownloadNames;
import io.soundbox.gateway.files.FileResponses;
import io.soundbox.gateway.files.LibraryItems;
import io.soundbox.gateway.files.MediaStore;
import io.soundbox.gateway.problem.ApiProblem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Audio and spectrogram files from the audio store, public like in the original (file names are
 * unguessable UUID-based names). Range requests let players seek; CORS {@code *} lets the radio
 * widget play them from other sites.
 */
@Path("/")
public class FileResource {
    private final MediaStore audio;
    private final MediaStore spectrograms;
    private final LibraryItems library;

    public FileResource(GatewayConfig config, LibraryItems library) {
        this.audio = new MediaStore(config.audioDir(), "wav");
        this.spectrograms = new MediaStore(config.spectrogramDir(), "png");
        this.library = library;
    }

    @GET
    @Path("audio/{file}")
    public Response audio(@PathParam("file") String file, @HeaderParam("Range") String range,
                          @HeaderParam("If-Range") String ifRange, @HeaderParam("If-None-Match") String ifNoneMatch,
                          @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return serve(audio, file, "audio/wav", new FileResponses.Conditions(range, ifRange, ifNoneMatch,
                ifModifiedSince));
    }

    @GET
    @Path("download/{file}")
    public Response download(@PathParam("file") String file, @HeaderParam("Range") String range,
                             @HeaderParam("If-Range") String ifRange, @HeaderParam("If-None-Match") String ifNoneMatch,
                             @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        Response r = serve(audio, file, "audio/wav", new FileResponses.Conditions(range, ifRange, ifNoneMatch,
                ifModifiedSince));
        // Named after the prompt when the library knows the file (<id>.wav); otherwise the file name.
        String name = file;
        if (file.endsWith(".wav") && r.getStatus() < 300) {
            String id = file.substring(0, file.length() - ".wav".length());
            name = library.prompt(id).map(p -> DownloadNames.friendly(p, id, file)).orElse(file);
        }
        // Both names passed a [A-Za-z0-9_.-] check, so they need no quoting beyond the quotes.
        return Response.fromResponse(r).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("spectrogram/{file}")
    public Response spectrogram(@PathParam("file") String file, @HeaderParam("Range") String range,
                                @HeaderParam("If-Range") String ifRange,
                                @HeaderParam("If-None-Match") String ifNoneMatch,
                                @HeaderParam("If-Modified-Since") String ifModifiedSince) {
        return serve(spectrograms, file, "image/png", new FileResponses.Conditions(range, ifRange, ifNoneMatch,
                ifModifiedSince));
    }

    private static Response serve(MediaStore store, String name, String contentType,
                                  FileResponses.Conditions conditions) {
        if (!store.isValidName(name)) {
            throw ApiProblem.badRequest("invalid-file-name", "not a valid file name");
        }
        java.nio.file.Path file = store.resolve(name)
                .orElseThrow(() -> ApiProblem.notFound("no such file"));
        Response r = FileResponses.serve(file, contentType, conditions);
        Response.ResponseBuilder b = Response.fromResponse(r).header("Access-Control-Allow-Origin", "*");
        return b.build();
    }
}
