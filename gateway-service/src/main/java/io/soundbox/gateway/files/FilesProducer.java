package io.soundbox.gateway.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.soundbox.gateway.auth.BearerAuthenticator;
import io.soundbox.gateway.config.GatewayConfig;
import io.soundbox.gateway.downstream.DownstreamProxy;
import io.soundbox.gateway.jobs.JobReadModel;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/** Wires file access (issue #7) and download counting from configuration. */
public class FilesProducer {

    @Produces
    // Created at start: a key that cannot be read or created (a read-only Secret without file-url.key)
    // stops the gateway at once instead of failing its first signed URL.
    @Singleton
    @io.quarkus.runtime.Startup
    FileUrlSigner signer(GatewayConfig config) {
        GatewayConfig.Files f = config.files();
        Path keyFile = f.signedUrlKeyFile().orElse(config.dataDir().resolve("keys").resolve("file-url.key"));
        return new FileUrlSigner(FileUrlKey.loadOrCreate(keyFile), Clock.systemUTC(), f.signedUrlTtl());
    }

    @Produces
    @Singleton
    FileVisibilityCache visibility(GatewayConfig config, DownstreamProxy proxy, ObjectMapper json,
                                   MeterRegistry metrics) {
        GatewayConfig.Files f = config.files();
        LibraryFiles library = new LibraryFiles(proxy.library(), proxy.tokens(), json);
        FileVisibilityCache cache = new FileVisibilityCache(library::find, f.visibilityCacheSize(), f.visibilityTtl(),
                f.unknownVisibilityTtl());
        Gauge.builder("soundbox.gateway.file.visibility.cached", cache, FileVisibilityCache::size)
                .description("file visibility answers held").register(metrics);
        return cache;
    }

    @Produces
    @Singleton
    FileAccess access(FileUrlSigner signer, FileVisibilityCache visibility, JobReadModel jobs,
                      BearerAuthenticator auth) {
        return new FileAccess(signer, visibility, name -> JobFiles.ownerOf(jobs, name), auth::optional);
    }

    @Produces
    @Singleton
    PrivateFileLinks links(FileUrlSigner signer) {
        return new PrivateFileLinks(signer);
    }

    @Produces
    @Singleton
    DownloadCounter downloads(GatewayConfig config, DownstreamProxy proxy, MeterRegistry metrics) {
        DownloadCounter counter = new DownloadCounter(new LibraryDownloads(proxy.library(), proxy.tokens()),
                config.files().downloadCountThreads(), config.files().downloadCountQueue());
        FunctionCounter.builder("soundbox.gateway.download.counts.dropped", counter, DownloadCounter::dropped)
                .description("download counts dropped because the queue was full").register(metrics);
        FunctionCounter.builder("soundbox.gateway.download.counts.failed", counter, DownloadCounter::failed)
                .description("download counts the library did not accept").register(metrics);
        return counter;
    }

    void close(@Disposes DownloadCounter counter) {
        counter.close();
    }
}
