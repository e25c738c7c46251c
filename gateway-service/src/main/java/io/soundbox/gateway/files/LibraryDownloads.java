package io.soundbox.gateway.files;

import io.soundbox.gateway.downstream.Downstream;
import io.soundbox.gateway.downstream.InternalTokenIssuer;
import io.soundbox.gateway.downstream.ProxyRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends one download count: library-service's {@code POST /api/track/{id}/download}, as the
 * downloading user when known, otherwise as the gateway itself (service token). Blocking; runs on the
 * {@link DownloadCounter}'s threads.
 */
public final class LibraryDownloads implements Consumer<DownloadCounter.Download> {
    private final Downstream library;
    private final InternalTokenIssuer tokens;

    public LibraryDownloads(Downstream library, InternalTokenIssuer tokens) {
        this.library = library;
        this.tokens = tokens;
    }

    @Override
    public void accept(DownloadCounter.Download d) {
        String path = "/api/track/" + URLEncoder.encode(d.generationId(), StandardCharsets.UTF_8) + "/download";
        String token = d.internalToken() != null ? d.internalToken() : tokens.serviceToken();
        HttpResponse<InputStream> r = library.send(new ProxyRequest("POST", path, null,
                Map.of("Accept", "application/json"), null, token));
        try (InputStream in = r.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("library-service answered " + r.statusCode());
        }
    }
}
