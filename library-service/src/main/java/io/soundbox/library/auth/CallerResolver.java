package io.soundbox.library.auth;

import io.soundbox.internalauth.InternalTokenVerifier;
import io.soundbox.internalauth.InvalidInternalTokenException;
import io.soundbox.library.config.LibraryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** A verified caller and the groups of their token ({@code service} for the gateway's own calls). */
    public record Identified(Caller caller, Set<String> groups) {
        static final Identified ANONYMOUS = new Identified(Caller.anonymous(), Set.of());
    }

    /**
     * The caller and their token's groups, from one verification.
     *
     * @throws InvalidTokenException for a header that is present but not a valid internal token
     */
    public Identified identify(String authorization) {
        try {
            return InternalTokenVerifier.bearerToken(authorization)
                    .map(verifier::verify)
                    .map(id -> new Identified(new Caller(id.userId(), id.tier(), id.admin()), id.groups()))
                    .orElse(Identified.ANONYMOUS);
        } catch (InvalidInternalTokenException e) {
            throw new InvalidTokenException(e.getMessage(), e);
        }
    }

    /** @throws InvalidTokenException for a header that is present but not a valid internal token */
    public Caller resolve(String authorization) {
        return identify(authorization).caller();
    }

    /**
     * The groups of a verified internal token (e.g. {@code service} for the gateway's own calls,
     * {@code admin}); empty for an anonymous caller.
     *
     * @throws InvalidTokenException for a header that is present but not a valid internal token
     */
    public Set<String> groups(String authorization) {
        return identify(authorization).groups();
    }
}
