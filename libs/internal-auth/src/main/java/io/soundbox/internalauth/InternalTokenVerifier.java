package io.soundbox.internalauth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the gateway's internal tokens (docs/security.md): RS256 only, issuer and audience checked,
 * {@code sub} names the user, {@code tier} the tier, and the group {@code admin} marks an admin. Shared
 * by every service behind the gateway so the check is written, and fixed, once.
 *
 * <p>The public key file is read lazily and again whenever its modification time or size changes: the
 * gateway creates it on its own first start, which may come after this service's. Thread-safe: the
 * parser for one key version is immutable and swapped atomically.
 */
public final class InternalTokenVerifier {
    public static final String ADMIN_GROUP = "admin";
    /** Tolerated clock difference between the gateway and this process; internal tokens live 60 s. */
    private static final int CLOCK_SKEW_SECONDS = 30;

    private final Path publicKeyFile;
    private final String issuer;
    private final String audience;
    private volatile Loaded loaded;

    private record Loaded(FileTime modified, long size, DefaultJWTParser parser) {
    }

    private static final String BEARER = "bearer ";

    public InternalTokenVerifier(Path publicKeyFile, String issuer, String audience) {
        this.publicKeyFile = publicKeyFile;
        this.issuer = issuer;
        this.audience = audience;
    }

    public InternalIdentity verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser().parse(token);
        } catch (ParseException e) {
            throw new InvalidInternalTokenException(describe(e), e);
        }
        String user = jwt.getSubject();
        if (user == null || user.isBlank()) {
            throw new InvalidInternalTokenException("the internal token names no user");
        }
        Object tierClaim = jwt.getClaim("tier");
        String tier = tierClaim == null ? "free" : tierClaim.toString().replace("\"", "");
        Collection<String> groups = jwt.getGroups();
        boolean admin = groups != null && groups.contains(ADMIN_GROUP);
        return new InternalIdentity(user, admin ? ADMIN_GROUP : tier, admin, groups == null ? Set.of() : Set.copyOf(groups));
    }

    /**
     * The token of an {@code Authorization} header: empty when there is none (an anonymous caller).
     *
     * @throws InvalidInternalTokenException for a header that is present but not {@code Bearer <token>}
     */
    public static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String h = authorization.strip();
        if (h.length() <= BEARER.length() || !h.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw new InvalidInternalTokenException("the Authorization header must be 'Bearer <internal token>'");
        }
        return Optional.of(h.substring(BEARER.length()).strip());
    }

    private DefaultJWTParser parser() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(publicKeyFile);
            size = Files.size(publicKeyFile);
        } catch (NoSuchFileException e) {
            throw new InvalidInternalTokenException("internal authentication is not set up: no gateway public key at "
                    + publicKeyFile.getFileName());
        } catch (IOException e) {
            throw new InvalidInternalTokenException("the gateway public key cannot be read", e);
        }
        Loaded current = loaded;
        if (current != null && current.modified().equals(modified) && current.size() == size) {
            return current.parser();
        }
        synchronized (this) {
            current = loaded;
            if (current != null && current.modified().equals(modified) && current.size() == size) {
                return current.parser();
            }
            PublicKey key = readKey(publicKeyFile);
            JWTAuthContextInfo info = new JWTAuthContextInfo(key, issuer);
            info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
            info.setExpectedAudience(Set.of(audience));
            info.setClockSkew(CLOCK_SKEW_SECONDS);
            info.setExpGracePeriodSecs(0);
            info.setRequiredClaims(Set.of("sub", "exp", "iat"));
            Loaded fresh = new Loaded(modified, size, new DefaultJWTParser(info));
            loaded = fresh;
            return fresh.parser();
        }
    }

    static PublicKey readKey(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidInternalTokenException("the gateway public key is not a PEM RSA public key", e);
        }
    }

    private static String describe(ParseException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            if (msg.contains("expired") || msg.contains("is on or after the Expiration Time")) {
                return "the internal token has expired";
            }
            if (msg.contains("Audience") || msg.contains("audience")) {
                return "the internal token is not meant for this service (audience)";
            }
            if (msg.contains("Issuer") || msg.contains("issuer")) {
                return "the internal token was not issued by the gateway";
            }
            if (t.getClass().getSimpleName().contains("InvalidJwtSignature") || msg.contains("signature")) {
                return "the internal token's signature is not valid";
            }
        }
        return "the internal token is not valid";
    }
}
