package io.soundbox.gateway.auth;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Valnet's signing keys, fetched from its JWKS and kept in memory. Rotation is picked up two ways:
 * the set is fetched again once it is older than {@code refreshAfter}, and a token naming a key id the
 * set lacks triggers a fetch, at most once per {@code minRefetchInterval} (so tokens with made-up key
 * ids cannot make the gateway hammer Valnet). When a fetch fails the keys already held stay in use;
 * with no keys at all, verification fails closed ({@link AuthUnavailableException}).
 *
 * <p>Thread-safe: lookups read a volatile snapshot; fetches are serialised by the object's monitor.
 */
public final class JwksKeys {
    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    private record Snapshot(List<PublicJsonWebKey> keys, Instant fetchedAt) {
    }

    private final JwksClient client;
    private final Clock clock;
    private final Duration refreshAfter;
    private final Duration minRefetchInterval;
    private volatile Snapshot snapshot;
    /** When an unknown key id last forced a fetch; guarded by the monitor. */
    private Instant lastForced = Instant.MIN;

    public JwksKeys(JwksClient client, Clock clock, Duration refreshAfter, Duration minRefetchInterval) {
        this.client = client;
        this.clock = clock;
        this.refreshAfter = refreshAfter;
        this.minRefetchInterval = minRefetchInterval;
    }

    /**
     * The key that verifies a token with this header.
     *
     * @param kid the token's key id, may be null (then the only key fitting the algorithm is used)
     * @param alg the token's (already accepted) algorithm, e.g. RS256
     */
    public Optional<PublicKey> find(String kid, String alg) {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || !now.isBefore(s.fetchedAt().plus(refreshAfter))) {
            s = refresh(s, false);
        }
        Optional<PublicKey> key = match(s, kid, alg);
        if (key.isEmpty() && kid != null) {
            // Maybe Valnet rotated its keys since the last fetch.
            Snapshot again = refresh(s, true);
            if (again != s) {
                key = match(again, kid, alg);
            }
        }
        return key;
    }

    private synchronized Snapshot refresh(Snapshot seen, boolean forcedByUnknownKid) {
        Snapshot current = snapshot;
        if (current != seen) {
            return current; // another thread fetched while this one waited
        }
        Instant now = clock.instant();
        if (forcedByUnknownKid) {
            if (current != null && now.isBefore(lastForced.plus(minRefetchInterval))) {
                return current;
            }
            lastForced = now;
        }
        try {
            List<PublicJsonWebKey> keys = parse(client.fetch());
            snapshot = new Snapshot(keys, now);
            LOG.debugf("Fetched %d signing keys from Valnet's JWKS", keys.size());
            return snapshot;
        } catch (AuthUnavailableException e) {
            if (current == null) {
                throw e;
            }
            LOG.warnf("Keeping the %d known Valnet keys: %s", current.keys().size(), e.getMessage());
            // Try again after the short interval, not on every request while Valnet is down.
            Instant retryAt = now.plus(minRefetchInterval).minus(refreshAfter);
            snapshot = new Snapshot(current.keys(), retryAt.isAfter(current.fetchedAt()) ? retryAt : current.fetchedAt());
            return snapshot;
        }
    }

    private static List<PublicJsonWebKey> parse(String document) {
        try {
            List<PublicJsonWebKey> keys = new ArrayList<>();
            for (JsonWebKey k : new JsonWebKeySet(document).getJsonWebKeys()) {
                // Only public signature keys; a symmetric ("oct") key never verifies a Valnet token.
                if (k instanceof PublicJsonWebKey pk && (k.getUse() == null || "sig".equals(k.getUse()))) {
                    keys.add(pk);
                }
            }
            return List.copyOf(keys);
        } catch (JoseException | RuntimeException e) {
            throw new AuthUnavailableException("Valnet's key set is not a valid JWKS document", e);
        }
    }

    private static Optional<PublicKey> match(Snapshot s, String kid, String alg) {
        List<PublicKey> fits = new ArrayList<>();
        for (PublicJsonWebKey k : s.keys()) {
            if (kid != null && !kid.equals(k.getKeyId())) {
                continue;
            }
            if (k.getAlgorithm() != null && !k.getAlgorithm().equals(alg)) {
                continue;
            }
            PublicKey pk = k.getPublicKey();
            if (alg.startsWith("RS") && pk instanceof RSAPublicKey || alg.startsWith("ES") && pk instanceof ECPublicKey) {
                fits.add(pk);
            }
        }
        // Without a key id the choice must be unambiguous.
        return fits.size() == 1 || (kid != null && !fits.isEmpty()) ? Optional.of(fits.get(0)) : Optional.empty();
    }
}
