package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileUrlSignerTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private final FileUrlSigner signer = new FileUrlSigner(KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1));

    private static Map<String, String> query(String url) {
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        return q;
    }

    @Test
    void aSignedUrlOpensItsFileUntilItExpires() {
        FileUrlSigner.SignedUrl url = signer.sign("/audio/", "song.wav");
        assertThat(url.url()).startsWith("/audio/song.wav?exp=" + (NOW.getEpochSecond() + 3600) + "&sig=");
        assertThat(url.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        Map<String, String> q = query(url.url());
        assertThat(q.get("sig")).matches("[A-Za-z0-9_-]{43}");
        assertThat(signer.verify("song.wav", q.get("exp"), q.get("sig"))).isEqualTo(FileUrlSigner.Verdict.VALID);

        FileUrlSigner later = new FileUrlSigner(KEY, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC),
                Duration.ofHours(1));
        assertThat(later.verify("song.wav", q.get("exp"), q.get("sig"))).as("the last second").isEqualTo(
                FileUrlSigner.Verdict.VALID);
        FileUrlSigner tooLate = new FileUrlSigner(KEY, Clock.fixed(NOW.plusSeconds(3601), ZoneOffset.UTC),
                Duration.ofHours(1));
        assertThat(tooLate.verify("song.wav", q.get("exp"), q.get("sig"))).isEqualTo(FileUrlSigner.Verdict.EXPIRED);
    }

    @Test
    void theSignatureBindsTheFileTheExpiryAndTheKey() {
        Map<String, String> q = query(signer.sign("/audio/", "song.wav").url());
        String exp = q.get("exp");
        String sig = q.get("sig");
        assertThat(signer.verify("other.wav", exp, sig)).isEqualTo(FileUrlSigner.Verdict.INVALID);
        assertThat(signer.verify("song.wav", String.valueOf(Long.parseLong(exp) + 3600), sig))
                .as("a stretched expiry").isEqualTo(FileUrlSigner.Verdict.INVALID);
        char last = sig.charAt(sig.length() - 1);
        String tampered = sig.substring(0, sig.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(signer.verify("song.wav", exp, tampered)).isEqualTo(FileUrlSigner.Verdict.INVALID);
        byte[] otherKey = KEY.clone();
        otherKey[0] = 8;
        assertThat(new FileUrlSigner(otherKey, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(1))
                .verify("song.wav", exp, sig)).as("a new key").isEqualTo(FileUrlSigner.Verdict.INVALID);
    }

    @Test
    void garbageIsInvalidNotAnError() {
        Map<String, String> q = query(signer.sign("/audio/", "song.wav").url());
        for (String[] c : new String[][] {{null, q.get("sig")}, {q.get("exp"), null}, {"", q.get("sig")},
                {"-5", q.get("sig")}, {"1e9", q.get("sig")}, {"9".repeat(40), q.get("sig")},
                {q.get("exp"), "!!!not base64!!!"}, {q.get("exp"), ""}}) {
            assertThat(signer.verify("song.wav", c[0], c[1])).as(Arrays.toString(c))
                    .isEqualTo(FileUrlSigner.Verdict.INVALID);
        }
    }

    @Test
    void aShortKeyOrNoLifetimeIsRefused() {
        assertThatThrownBy(() -> new FileUrlSigner(new byte[16], Clock.systemUTC(), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileUrlSigner(KEY, Clock.systemUTC(), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
