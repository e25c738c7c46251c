package io.soundbox.gateway.downstream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.soundbox.gateway.auth.Caller;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Signs the internal identity tokens the gateway sends to downstream services (the INTERNAL IDENTITY
 * CONTRACT): RS256 with the gateway's own key, {@code iss="soundbox-gateway"},
 * {@code aud="soundbox-internal"}, {@code sub}/{@code upn} = user id, {@code tier},
 * {@code groups=[tier]} plus {@code "admin"} for admins, {@code iat}, {@code exp = iat + ttl},
 * {@code jti}.
 *
 * <p>An RSA signature costs about a millisecond, so a caller's token is reused for {@code reuseFor}
 * (well under the lifetime: a reused token still has {@code ttl - reuseFor} left when it arrives).
 * The cache is bounded. Thread-safe.
 */
public final class InternalTokenIssuer {
    public static final String ISSUER = "soundbox-gateway";
    public static final String AUDIENCE = "soundbox-internal";
    /** The gateway's own identity when it asks for itself (file visibility lookups): {@code sub}, group. */
    public static final String SERVICE_SUBJECT = "soundbox-gateway";
    public static final String SERVICE_GROUP = "service";

    private final PrivateKey key;
    private final Clock clock;
    private final Duration ttl;
    private final Cache<Caller, String> recent;
    private final Cache<String, String> service;

    public InternalTokenIssuer(PrivateKey key, Clock clock, Duration ttl, Duration reuseFor, long maxCached) {
        if (reuseFor.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("reuseFor (" + reuseFor + ") must be shorter than ttl (" + ttl + ")");
        }
        this.key = key;
        this.clock = clock;
        this.ttl = ttl;
        this.recent = Caffeine.newBuilder().maximumSize(maxCached).expireAfterWrite(reuseFor).build();
        this.service = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(reuseFor).build();
    }

    /**
     * The gateway's own token: {@code sub}/{@code upn} {@value #SERVICE_SUBJECT}, {@code groups}
     * {@code ["service"]}, no tier. Only internal endpoints (file visibility) accept it for more than
     * an anonymous caller gets.
     */
    public String serviceToken() {
        return service.get(SERVICE_SUBJECT, s -> {
            Instant now = clock.instant();
            return Jwt.claims()
                    .issuer(ISSUER)
                    .audience(AUDIENCE)
                    .subject(SERVICE_SUBJECT)
                    .upn(SERVICE_SUBJECT)
                    .groups(Set.of(SERVICE_GROUP))
                    .issuedAt(now)
                    .expiresAt(now.plus(ttl))
                    .claim("jti", UUID.randomUUID().toString())
                    .jws().algorithm(SignatureAlgorithm.RS256)
                    .sign(key);
        });
    }

    /** The token for this caller; {@code null} callers (anonymous) get none. */
    public String tokenFor(Caller caller) {
        if (caller == null) {
            return null;
        }
        return recent.get(caller, this::sign);
    }

    String sign(Caller caller) {
        Instant now = clock.instant();
        Set<String> groups = new LinkedHashSet<>();
        groups.add(caller.tier().wireName());
        if (caller.isAdmin()) {
            groups.add("admin");
        }
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(caller.userId())
                .upn(caller.userId())
                .claim("tier", caller.tier().wireName())
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(SignatureAlgorithm.RS256)
                .sign(key);
    }
}
