package io.soundbox.library.auth;

import io.soundbox.library.config.LibraryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Turns a request's {@code Authorization} header into a {@link Caller}: no header is an anonymous
 * caller, a bearer token must be a valid internal token. Call it from worker threads (the key file may
 * be read).
 */
@ApplicationScoped
public class CallerResolver {
    private static final String BEARER = "bearer ";
    private final InternalTokenVerifier verifier;

    @Inject
    public CallerResolver(LibraryConfig config) {
        this(new InternalTokenVerifier(config.internalAuth().publicKeyPath(), config.internalAuth().issuer(),
                config.internalAuth().audience()));
    }

    public CallerResolver(InternalTokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** @throws InvalidTokenException for a header that is present but not a valid internal token */
    public Caller resolve(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Caller.anonymous();
        }
        String h = authorization.strip();
        if (h.length() <= BEARER.length() || !h.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new InvalidTokenException("the Authorization header must be 'Bearer <internal token>'");
        }
        return verifier.verify(h.substring(BEARER.length()).strip());
    }
}
