import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints a local RS256 JWT for the gateway, signed with the key the gateway created on its first start.
 * JDK only, so it runs with the Java source launcher and no build:
 * {@code java deploy/local/LocalToken.java --key data/keys/gateway-private.pem --user NAME --tier TIER [--ttl SECONDS]}.
 * The token goes to standard output alone; errors go to standard error with exit status 2.
 */
public class LocalToken {
    static final String ISSUER = "soundbox-local";
    static final List<String> TIERS = List.of("admin", "creator", "premium", "supporter", "free");
    static final long DEFAULT_TTL_SECONDS = 24 * 3600;
    static final long MAX_TTL_SECONDS = 365L * 24 * 3600;

    public static void main(String[] args) {
        try {
            Options o = Options.parse(args);
            System.out.println(token(readPrivateKey(o.key), o.user, o.tier, Instant.now().getEpochSecond(), o.ttl));
        } catch (UsageException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println("usage: token --user NAME --tier " + String.join("|", TIERS) + " [--ttl SECONDS]");
            System.exit(2);
        }
    }

    static String token(PrivateKey key, String user, String tier, long now, long ttl) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"sub\":" + json(user)
                + ",\"upn\":" + json(user)
                + ",\"tier\":" + json(tier)
                + ",\"groups\":[" + json(tier) + "]"
                + ",\"iat\":" + now
                + ",\"exp\":" + (now + ttl)
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new UsageException("cannot sign with the key: " + e.getMessage());
        }
    }

    static PrivateKey readPrivateKey(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new UsageException("no signing key at " + file
                    + ": run ./soundbox up first (the gateway creates it on its first start)");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new UsageException(file + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new UsageException(file + " does not hold an RSA private key: " + e.getMessage());
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A JSON string literal; user names are free text, so quote and escape them properly. */
    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    record Options(Path key, String user, String tier, long ttl) {
        static Options parse(String[] args) {
            Path key = null;
            String user = null;
            String tier = null;
            long ttl = DEFAULT_TTL_SECONDS;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--key" -> key = Path.of(value);
                    case "--user" -> user = value;
                    case "--tier" -> tier = value;
                    case "--ttl" -> ttl = parseTtl(value);
                    default -> throw new UsageException("unknown option " + name);
                }
            }
            if (key == null) {
                throw new UsageException("--key is required");
            }
            if (user == null || user.isBlank() || user.length() > 128 || user.chars().anyMatch(Character::isISOControl)) {
                throw new UsageException("--user must be 1-128 printable characters");
            }
            if (tier == null || !TIERS.contains(tier)) {
                throw new UsageException("--tier must be one of " + String.join(", ", TIERS)
                        + (tier == null ? "" : " (got '" + tier + "')"));
            }
            return new Options(key, user, tier, ttl);
        }

        private static long parseTtl(String value) {
            try {
                long ttl = Long.parseLong(value);
                if (ttl >= 1 && ttl <= MAX_TTL_SECONDS) {
                    return ttl;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException("--ttl must be a number of seconds from 1 to " + MAX_TTL_SECONDS + " (got '" + value + "')");
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
