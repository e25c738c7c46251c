package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.gateway.auth.Caller;
import io.soundbox.gateway.domain.Tier;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrivateFileLinksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FileUrlSigner signer = new FileUrlSigner(new byte[32], Clock.systemUTC(), Duration.ofHours(1));
    private final PrivateFileLinks links = new PrivateFileLinks(signer);

    private static final String PAGE = """
            {"items":[
              {"id":"a","filename":"a.wav","spectrogram":"a.png","user_id":"u1","is_public":false,"audio_url":"/audio/a.wav"},
              {"id":"b","filename":"b.wav","spectrogram":"b.png","user_id":"u1","is_public":true,"audio_url":"/audio/b.wav"},
              {"id":"c","filename":"c.wav","user_id":"u2","is_public":false},
              {"id":"d","user_id":"u1","is_public":false},
              {"id":"e","filename":"e.wav","user_id":"u1","is_public":"false"}],
             "playlist":{"name":"mine","is_public":false,"user_id":"u1","tracks":[
              {"id":"f","filename":"f.wav","user_id":"u1","is_public":false}]}}""";

    private static String query(JsonNode n, String field) {
        return n.path(field).asText();
    }

    @Test
    void theOwnersPrivateItemsGetSignedUrlsAndNothingElseChanges() throws Exception {
        JsonNode page = JSON.readTree(PAGE);
        assertThat(links.sign(page, new Caller("u1", Tier.FREE))).isTrue();
        JsonNode a = page.at("/items/0");
        assertThat(query(a, "audio_url")).startsWith("/audio/a.wav?exp=").contains("&sig=");
        assertThat(query(a, "spectrogram_url")).startsWith("/spectrogram/a.png?exp=");
        String[] parts = query(a, "audio_url").split("[?&]");
        assertThat(signer.verify("a.wav", parts[1].substring(4), parts[2].substring(4)))
                .isEqualTo(FileUrlSigner.Verdict.VALID);
        assertThat(query(page.at("/items/1"), "audio_url")).as("public: untouched").isEqualTo("/audio/b.wav");
        assertThat(page.at("/items/1").has("spectrogram_url")).isFalse();
        assertThat(page.at("/items/2").has("audio_url")).as("someone else's").isFalse();
        assertThat(page.at("/items/3").has("audio_url")).as("no file").isFalse();
        assertThat(page.at("/items/4").has("audio_url")).as("not a boolean").isFalse();
        assertThat(page.at("/playlist").has("audio_url")).as("a playlist has no file").isFalse();
        assertThat(query(page.at("/playlist/tracks/0"), "audio_url")).as("nested").startsWith("/audio/f.wav?exp=");
        assertThat(page.at("/items/2").has("spectrogram_url")).isFalse();
    }

    @Test
    void adminsGetUrlsForEveryPrivateItemAnonymousCallersForNone() throws Exception {
        JsonNode forAdmin = JSON.readTree(PAGE);
        links.sign(forAdmin, new Caller("boss", Tier.CREATOR, true));
        assertThat(query(forAdmin.at("/items/2"), "audio_url")).startsWith("/audio/c.wav?exp=");
        assertThat(forAdmin.at("/items/2").has("spectrogram_url")).isFalse();

        JsonNode anonymous = JSON.readTree(PAGE);
        assertThat(links.sign(anonymous, null)).isFalse();
        assertThat(anonymous).isEqualTo(JSON.readTree(PAGE));
    }

    @Test
    void nothingPrivateMeansNoChange() throws Exception {
        JsonNode n = JSON.readTree("[1,\"x\",{\"is_public\":true,\"filename\":\"x.wav\"},[[[]]]]");
        assertThat(links.sign(n, new Caller("u1", Tier.FREE))).isFalse();
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            deep.append('[');
        }
        deep.append("{\"is_public\":false,\"filename\":\"deep.wav\",\"user_id\":\"u1\"}");
        for (int i = 0; i < 500; i++) {
            deep.append(']');
        }
        assertThat(links.sign(JSON.readTree(deep.toString()), new Caller("u1", Tier.FREE))).isTrue();
    }

    @Test
    void freshSpeechGetsItsOwnUrlSigned() throws Exception {
        JsonNode speech = JSON.readTree("{\"audio_url\":\"/audio/speech_1.wav\",\"filename\":\"speech_1.wav\"}");
        assertThat(links.signFreshFile(speech)).isTrue();
        assertThat(query(speech, "audio_url")).startsWith("/audio/speech_1.wav?exp=");
        JsonNode inline = JSON.readTree("{\"audio_base64\":\"UklGRg==\",\"duration\":1.0}");
        assertThat(links.signFreshFile(inline)).isFalse();
        assertThat(links.signFreshFile(JSON.readTree("[]"))).isFalse();
    }
}
