package io.soundbox.gateway.api;

import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.downstream.DownstreamProxy;
import io.soundbox.gateway.downstream.ProxyRoutes;
import io.soundbox.gateway.files.PrivateFileLinks;
import io.soundbox.gateway.moderation.ContentChecks;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The original's library and speech API, served by library-service and tts-service behind the
 * gateway (see {@link DownstreamProxy}). Plain return types: these run on worker threads because a
 * call waits for the downstream service.
 */
@Path("/api")
public class ProxyResource {
    /** JAX-RS templates for the prefixes of the one proxy table, {@link ProxyRoutes}. */
    static final String LIBRARY = "{path: (?:" + ProxyRoutes.LIBRARY + ")(?:/.*)?}";
    static final String TTS = "{path: (?:" + ProxyRoutes.TTS + ")(?:/.*)?}";
    static final String BACKUP = "{path: (?:" + ProxyRoutes.BACKUP + ")(?:/.*)?}";

    private static final String BACKUP_DOWN = "the backup service is unavailable; try again shortly";
    private static final String LIBRARY_DOWN = "the library is unavailable; try again shortly";
    private static final String TTS_DOWN = "speech synthesis is unavailable; try again shortly";

    private final DownstreamProxy proxy;
    private final ContentChecks content;
    private final BearerAuthenticator auth;
    private final PrivateFileLinks links;
    private final int rewriteMaxBytes;

    public ProxyResource(DownstreamProxy proxy, ContentChecks content, BearerAuthenticator auth,
                         PrivateFileLinks links, GatewayConfig config) {
        this.proxy = proxy;
        this.content = content;
        this.auth = auth;
        this.links = links;
        this.rewriteMaxBytes = config.files().linkRewriteMaxBytes();
    }

    @GET
    @Path(LIBRARY)
    @Tag(name = "library")
    @Operation(summary = "Library, votes, favorites, playlists, plays, stats, radio (library-service)")
    public Response libraryGet(@Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return library("GET", null, uri, headers, request);
    }

    @POST
    @Path(LIBRARY)
    @Tag(name = "library")
    public Response libraryPost(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return library("POST", body, uri, headers, request);
    }

    @PUT
    @Path(LIBRARY)
    @Tag(name = "library")
    public Response libraryPut(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return library("PUT", body, uri, headers, request);
    }

    @PATCH
    @Path(LIBRARY)
    @Tag(name = "library")
    public Response libraryPatch(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return library("PATCH", body, uri, headers, request);
    }

    @DELETE
    @Path(LIBRARY)
    @Tag(name = "library")
    public Response libraryDelete(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return library("DELETE", body, uri, headers, request);
    }

    @GET
    @Path(TTS)
    @Tag(name = "speech")
    @Operation(summary = "Voices, voice licences and speech synthesis (tts-service)")
    public Response ttsGet(@Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return tts("GET", null, uri, headers, request);
    }

    @POST
    @Path(TTS)
    @Tag(name = "speech")
    public Response ttsPost(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return tts("POST", body, uri, headers, request);
    }

    @PUT
    @Path(TTS)
    @Tag(name = "speech")
    public Response ttsPut(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return tts("PUT", body, uri, headers, request);
    }

    @DELETE
    @Path(TTS)
    @Tag(name = "speech")
    public Response ttsDelete(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return tts("DELETE", body, uri, headers, request);
    }

    @GET
    @Path(BACKUP)
    @Tag(name = "backup")
    @Operation(summary = "Backup status, list, run, verify and restore (backup-service; admin only)")
    public Response backupGet(@Context UriInfo uri, @Context HttpHeaders headers,
                              @Context HttpServerRequest request) {
        return backup("GET", null, uri, headers, request);
    }

    @POST
    @Path(BACKUP)
    @Tag(name = "backup")
    public Response backupPost(byte[] body, @Context UriInfo uri, @Context HttpHeaders headers,
                               @Context HttpServerRequest request) {
        return backup("POST", body, uri, headers, request);
    }

    private Response backup(String method, byte[] body, UriInfo uri, HttpHeaders headers,
                            HttpServerRequest request) {
        return proxy.forward(proxy.backup(), method, uri, headers, body, clientAddress(request),
                "backup-unavailable", BACKUP_DOWN);
    }

    private Response library(String method, byte[] body, UriInfo uri, HttpHeaders headers,
                             HttpServerRequest request) {
        String path = uri.getPathParameters().getFirst("path");
        if (adminOnly(method, path)) {
            // Checked here too, not only by the library: a bug there must not open moderation to everyone.
            auth.requireAdmin(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        }
        content.checkProxied(method, path, body);
        // Private items get signed file URLs: the owner's <audio> element cannot send the bearer token.
        // Anonymous callers see no private items, so their answers stream through unparsed.
        boolean signed = "GET".equals(method) && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        return proxy.forward(proxy.library(), method, uri, headers, body, clientAddress(request),
                "library-unavailable", LIBRARY_DOWN, signed ? links::sign : null, rewriteMaxBytes);
    }

    /** Moderation and choosing Graphlings' sources are for admins, as in the original. */
    static boolean adminOnly(String method, String path) {
        if (path == null) {
            return false;
        }
        return path.startsWith("admin/") || ("POST".equals(method) && path.equals("graphlings/set-source"));
    }

    private Response tts(String method, byte[] body, UriInfo uri, HttpHeaders headers, HttpServerRequest request) {
        String path = uri.getPathParameters().getFirst("path");
        content.checkProxied(method, path, body);
        // Fresh speech is in no library yet (and maybe never: save_to_library false), so its file is
        // private to whoever made it: the answer's audio_url is signed for them.
        boolean speech = "POST".equals(method) && "tts/generate".equals(path);
        return proxy.forward(proxy.tts(), method, uri, headers, body, clientAddress(request), "tts-unavailable",
                TTS_DOWN, speech ? (json, caller) -> links.signFreshFile(json) : null, rewriteMaxBytes);
    }

    private static String clientAddress(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }
}
