package io.soundbox.backup.auth;

import io.soundbox.internalauth.InternalIdentity;
import io.soundbox.internalauth.InternalTokenVerifier;
import io.soundbox.internalauth.InvalidInternalTokenException;
import io.soundbox.backup.api.ProblemException;
import io.soundbox.backup.config.BackupConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Admits admins only: the request must carry the gateway's internal token with the group
 * {@code admin}. No token is 401, a valid token without the group 403. Call from worker threads (the
 * key file may be read).
 */
@ApplicationScoped
public class AdminGuard {
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
        Caller caller;
        try {
            InternalIdentity id = verifier.verify(InternalTokenVerifier.bearerToken(authorization).orElseThrow());
            caller = new Caller(id.userId(), id.admin());
        } catch (InvalidInternalTokenException e) {
            throw ProblemException.unauthorized(e.getMessage());
        }
        if (!caller.admin()) {
            throw ProblemException.forbidden("backups are for admins; user '" + caller.userId() + "' is not one");
        }
        return caller;
    }
}
