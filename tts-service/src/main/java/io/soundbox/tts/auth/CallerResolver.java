package io.soundbox.tts.auth;

import io.soundbox.internalauth.InternalTokenVerifier;
import io.soundbox.internalauth.InvalidInternalTokenException;
import io.soundbox.tts.config.TtsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Turns a request's {@code Authorization} header into a {@link Caller}: no header is an anonymous
 * caller, a bearer token must be a valid internal token (INTERNAL IDENTITY CONTRACT). Call it from
 * worker threads: the key file may be read.
 */
@ApplicationScoped
public class CallerResolver {
    private final InternalTokenVerifier verifier;

    @Inject
    public CallerResolver(TtsConfig config) {
        this(new InternalTokenVerifier(config.internalPublicKey(), config.internalAuth().issuer(),
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
}
