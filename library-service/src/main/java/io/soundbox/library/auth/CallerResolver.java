package io.soundbox.library.auth;

import io.soundbox.internalauth.InternalTokenVerifier;
import io.soundbox.internalauth.InvalidInternalTokenException;
import io.soundbox.library.config.LibraryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a request's {@code Authorization} header into a {@link Caller}: no header is an anonymous
 * caller, a bearer token must be a valid internal token. Call it from worker threads (the key file may
 * be read).
 */
@ApplicationScoped
public class CallerResolver {
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
        try {
            return InternalTokenVerifier.bearerToken(authorization)
                    .map(verifier::verify)
                    .map(id -> new Caller(id.userId(), id.tier(), id.admin()))
                    .orElse(Caller.anonymous());
        } catch (InvalidInternalTokenException e) {
            throw new InvalidTokenException(e.getMessage(), e);
        }
    }

    /**
     * The groups of a verified internal token (e.g. {@code service} for the gateway's own calls,
     * {@code admin}); empty for an anonymous caller.
     *
     * @throws InvalidTokenException for a header that is present but not a valid internal token
     */
    public Set<String> groups(String authorization) {
        try {
            Optional<String> token = InternalTokenVerifier.bearerToken(authorization);
            if (token.isEmpty()) {
                return Set.of();
            }
            verifier.verify(token.get());
            // Verified above (signature, issuer, audience, expiry): reading the claims is now safe.
            return TokenClaims.groups(token.get());
        } catch (InvalidInternalTokenException e) {
            throw new InvalidTokenException(e.getMessage(), e);
        }
    }
}
