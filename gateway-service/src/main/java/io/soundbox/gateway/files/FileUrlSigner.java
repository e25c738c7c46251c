package io.soundbox.gateway.files;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed file URLs for {@code <audio>} and {@code <img>} elements, which cannot send a bearer header:
 * {@code ?exp=<epoch seconds>&sig=<base64url HMAC-SHA256 over "filename\nexp">}. The signature binds
 * the file name and the expiry, not the route, so one signature opens {@code /audio/x.wav} and
 * {@code /download/x.wav}. Thread-safe (a {@link Mac} per call: they are cheap and not thread-safe).
 */
public final class FileUrlSigner {
    private static final String ALGORITHM = "HmacSHA256";
    /** An exp with more digits than this is garbage, not a time (and would overflow). */
    private static final int MAX_EXP_DIGITS = 12;

    public enum Verdict { VALID, EXPIRED, INVALID }

    /** A URL and when it stops working. */
    public record SignedUrl(String url, Instant expiresAt) {
    }

    private final SecretKeySpec key;
    private final Clock clock;
    private final Duration ttl;

    public FileUrlSigner(byte[] key, Clock clock, Duration ttl) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the file URL key must have at least 32 bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the signed URL lifetime must be positive");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The same key and clock, another lifetime (verifying is the same for both). */
    public FileUrlSigner withTtl(Duration otherTtl) {
        return new FileUrlSigner(key.getEncoded(), clock, otherTtl);
    }

    /** {@code route} is the path up to the name, e.g. {@code /audio/}. */
    public SignedUrl sign(String route, String filename) {
        Objects.requireNonNull(filename, "filename");
        // Whole seconds, rounded up, so the URL never expires before now + ttl.
        long exp = clock.instant().plus(ttl).plusMillis(999).getEpochSecond();
        return new SignedUrl(route + filename + "?exp=" + exp + "&sig=" + signature(filename, exp),
                Instant.ofEpochSecond(exp));
    }

    /** Checks an {@code exp}/{@code sig} pair from a request for {@code filename}. */
    public Verdict verify(String filename, String exp, String sig) {
        if (filename == null || exp == null || sig == null || exp.isEmpty() || exp.length() > MAX_EXP_DIGITS
                || !exp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Verdict.INVALID;
        }
        long expires = Long.parseLong(exp);
        // The canonical encoding is compared, not decoded bytes: base64's spare low bits would otherwise
        // let several strings pass for one signature. Constant time: a timing side channel must not
        // reveal how much of a forged signature is right.
        byte[] expected = signature(filename, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.INVALID;
        }
        return clock.instant().getEpochSecond() > expires ? Verdict.EXPIRED : Verdict.VALID;
    }

    String signature(String filename, long exp) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(filename, exp));
    }

    private byte[] mac(String filename, long exp) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal((filename + "\n" + exp).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
