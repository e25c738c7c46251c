import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints the gateway's internal identity token for an operator with the group {@code admin}, so that
 * {@code ./soundbox backup ...} can call backup-service's admin API on the same machine. It signs with
 * the gateway's own key, exactly like the gateway does (INTERNAL IDENTITY CONTRACT: RS256,
 * iss soundbox-gateway, aud soundbox-internal, exp = iat + 60 s): whoever can read that key file is
 * already trusted as the gateway. JDK only, run with the source launcher:
 * {@code java backup-service/cli/InternalAdminToken.java --key data/keys/gateway-private.pem [--user NAME]}.
 */
public class InternalAdminToken {
    public static void main(String[] args) throws Exception {
        Path key = null;
        String user = "operator";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--key" -> key = Path.of(args[i + 1]);
                case "--user" -> user = args[i + 1];
                default -> fail("unknown option " + args[i]);
            }
        }
        if (key == null || args.length % 2 != 0) {
            fail("usage: InternalAdminToken --key PRIVATE_KEY_PEM [--user NAME]");
        }
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"soundbox-gateway\",\"aud\":\"soundbox-internal\",\"sub\":" + json(user)
                + ",\"upn\":" + json(user) + ",\"tier\":\"admin\",\"groups\":[\"admin\"],\"iat\":" + now
                + ",\"exp\":" + (now + 60) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(readKey(key));
        rs256.update(input.getBytes(StandardCharsets.US_ASCII));
        System.out.println(input + "." + b64(rs256.sign()));
    }

    static PrivateKey readKey(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            fail("cannot read the gateway key " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            fail(file + " is not a PKCS#8 PEM RSA private key: " + e.getMessage());
        }
        return null;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static void fail(String message) {
        System.err.println("backup token: " + message);
        System.exit(2);
    }
}
