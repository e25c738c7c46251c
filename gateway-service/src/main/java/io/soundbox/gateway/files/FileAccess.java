package io.soundbox.gateway.files;

import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.downstream.DownstreamUnavailableException;
import io.soundbox.gateway.problem.ApiProblem;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Who may fetch a stored file (issue #7). An effectively public file: anyone. Any other file: its
 * owner or an admin, proven by a bearer token or a signed URL. The owner comes from the library; a
 * file the library does not know yet (just generated) belongs to the owner of the job that made it.
 * Neither knows the name, or the caller is not entitled: 404, the same answer, so names cannot be
 * probed. A bad or expired signature: 403, whatever the file. The library down with nothing cached:
 * 503 (fail closed). Blocking (lookups are HTTP calls): call from worker threads.
 */
public final class FileAccess {
    private static final Logger LOG = Logger.getLogger(FileAccess.class);

    /** Permission to serve: {@code publicFile} decides caching and CORS; {@code info} is null when the library does not know the file. */
    public record Grant(boolean publicFile, FileInfo info, Caller caller) {
    }

    private final FileUrlSigner signer;
    private final FileVisibilityCache visibility;
    private final Function<String, Optional<String>> jobOwner;
    private final Function<String, Optional<Caller>> callers;

    /**
     * @param jobOwner the user whose job produced a file name, from the job read model
     * @param callers  the caller of an {@code Authorization} header (empty without one; 401 for a bad one)
     */
    public FileAccess(FileUrlSigner signer, FileVisibilityCache visibility, Function<String, Optional<String>> jobOwner,
                      Function<String, Optional<Caller>> callers) {
        this.signer = signer;
        this.visibility = visibility;
        this.jobOwner = jobOwner;
        this.callers = callers;
    }

    public FileUrlSigner signer() {
        return signer;
    }

    /**
     * @param exp           the {@code exp} query parameter, null when absent
     * @param sig           the {@code sig} query parameter, null when absent
     * @param wantInfo      whether a signed request should still look the file up (downloads: name, count)
     */
    public Grant authorize(String name, String authorization, String exp, String sig, boolean wantInfo) {
        if (exp != null || sig != null) {
            switch (signer.verify(name, exp, sig)) {
                case VALID:
                    return new Grant(false, wantInfo ? infoQuietly(name) : null, null);
                case EXPIRED:
                    throw new ApiProblem(403, "signed-url-expired", "Forbidden",
                            "this link has expired; ask for a new one");
                default:
                    throw new ApiProblem(403, "signed-url-invalid", "Forbidden",
                            "this link's signature is not valid for this file");
            }
        }
        FileLookup lookup;
        try {
            lookup = visibility.get(name);
        } catch (DownstreamUnavailableException e) {
            LOG.warnf("Cannot tell who may read %s: %s", name, e.getMessage());
            throw ApiProblem.unavailable("file-visibility-unavailable",
                    "cannot check who may read this file right now; try again shortly").withHeader("Retry-After", "5");
        }
        FileInfo info = lookup instanceof FileLookup.Known k ? k.info() : null;
        if (info != null && info.isPublic()) {
            return new Grant(true, info, null);
        }
        String owner = info != null ? info.userId() : jobOwner.apply(name).orElse(null);
        if (info == null && owner == null) {
            throw noSuchFile();
        }
        Caller caller = callers.apply(authorization).orElse(null);
        if (caller != null && (caller.isAdmin() || caller.userId().equals(owner))) {
            return new Grant(false, info, caller);
        }
        throw noSuchFile();
    }

    /** Whether the caller may mint a signed URL for this file: the same rule as reading it with a bearer token. */
    public boolean mayRead(Caller caller, String name) {
        try {
            return authorizeCaller(caller, name);
        } catch (DownstreamUnavailableException e) {
            throw ApiProblem.unavailable("file-visibility-unavailable",
                    "cannot check who may read this file right now; try again shortly").withHeader("Retry-After", "5");
        }
    }

    private boolean authorizeCaller(Caller caller, String name) {
        FileLookup lookup = visibility.get(name);
        FileInfo info = lookup instanceof FileLookup.Known k ? k.info() : null;
        String owner = info != null ? info.userId() : jobOwner.apply(name).orElse(null);
        if (info == null && owner == null) {
            return false;
        }
        return caller.isAdmin() || caller.userId().equals(owner) || (info != null && info.isPublic());
    }

    private FileInfo infoQuietly(String name) {
        try {
            return visibility.get(name) instanceof FileLookup.Known k ? k.info() : null;
        } catch (DownstreamUnavailableException e) {
            return null;
        }
    }

    static ApiProblem noSuchFile() {
        return ApiProblem.notFound("no such file");
    }
}
