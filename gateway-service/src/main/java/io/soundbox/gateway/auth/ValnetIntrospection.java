package io.soundbox.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * introspect mode: opaque Valnet tokens, resolved by {@link ValnetClient} and remembered briefly.
 * The cache is keyed by the token's SHA-256, so no bearer token sits in memory as a map key, and
 * bounded in size and age. Rejections are remembered too: a client retrying a dead token does not
 * turn into a stream of calls to Valnet. Failures to reach Valnet are never cached and never let a
 * request through (fail closed).
 */
public final class ValnetIntrospection implements CallerResolver {
    /** What Valnet said about one token: a caller, or why not. */
    private record Verdict(Caller caller, String rejection) {
    }

    private final ValnetClient valnet;
    private final ValnetUsers users;
    private final Cache<String, Verdict> verdicts;

    public ValnetIntrospection(ValnetClient valnet, ValnetUsers users, Duration ttl, long maxSize) {
        this.valnet = valnet;
        this.users = users;
        this.verdicts = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl).build();
    }

    @Override
    public Caller resolve(String bearerToken) throws InvalidTokenException {
        String key = sha256(bearerToken);
        Verdict v = verdicts.getIfPresent(key);
        if (v == null) {
            v = ask(bearerToken);
            verdicts.put(key, v);
        }
        if (v.caller() == null) {
            throw new InvalidTokenException(v.rejection());
        }
        return v.caller();
    }

    private Verdict ask(String bearerToken) {
        try {
            return new Verdict(users.caller(valnet.currentUser(bearerToken)), null);
        } catch (InvalidTokenException e) {
            return new Verdict(null, e.getMessage());
        } catch (IllegalArgumentException e) {
            // Valnet said 200 but named nobody: a fault on its side, not the client's.
            throw new AuthUnavailableException("Valnet's user answer is unusable: " + e.getMessage(), e);
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
