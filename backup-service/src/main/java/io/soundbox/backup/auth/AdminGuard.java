package io.soundbox.backup.auth;

import io.soundbox.backup.api.ProblemException;
import io.soundbox.backup.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Admits admins only: the request must carry the gateway's internal token with the group
 * {@code admin}. No token is 401, a valid token without the group 403. Call from worker threads (the
 * key file may be read).
 */
@ApplicationScoped
public class AdminGuard {
    private static final String BEARER = "bearer ";
    private final InternalTokenVerifier verifier;

    @Inject
    public AdminGuard(BackupConfig config) {
        this(new InternalTokenVerifier(config.internalAuth().publicKeyPath(), config.internalAuth().issuer(),
                config.internalAuth().audience()));
    }

    public AdminGuard(InternalTokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Caller requireAdmin(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthorized("backups are for admins: send the gateway's internal token "
                    + "(Authorization: Bearer ...) with the group 'admin'");
        }
        String h = authorization.strip();
        if (h.length() <= BEARER.length() || !h.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw ProblemException.unauthorized("the Authorization header must be 'Bearer <internal token>'");
        }
        Caller caller;
        try {
            caller = verifier.verify(h.substring(BEARER.length()).strip());
        } catch (InvalidTokenException e) {
            throw ProblemException.unauthorized(e.getMessage());
        }
        if (!caller.admin()) {
            throw ProblemException.forbidden("backups are for admins; user '" + caller.userId() + "' is not one");
        }
        return caller;
    }
}
