package io.soundbox.tts.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soundbox.tts.auth.Caller;
import io.soundbox.tts.engine.EngineVoiceLoader;
import io.soundbox.tts.problem.ProblemException;
import io.soundbox.tts.testing.TinyPiperVoices;
import io.soundbox.tts.voice.VoiceCatalog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechRequestValidatorTest {
    private static final Caller FREE = new Caller("u1", "free", false);
    private static final Caller CREATOR = new Caller("u2", "creator", false);

    @TempDir
    Path voices;

    private SpeechRequestValidator validator;

    @BeforeEach
    void setUp() throws Exception {
        TinyPiperVoices.writeAll(voices);
        VoiceCatalog catalog = new VoiceCatalog(voices, List.of(EngineVoiceLoader.kevin16("kevin16")),
                Duration.ofSeconds(5), Clock.systemUTC());
        TextLimits limits = new TextLimits(Map.of("anonymous", 500, "free", 1000, "creator", 5000, "admin", 9000), 102_400);
        validator = new SpeechRequestValidator(catalog, limits, "en_US-lessac-medium", "kevin16");
    }

    @Test
    void aPlainRequestGetsTheNoWeightsVoiceWhenTheDefaultIsNotInstalled() {
        ValidSpeechRequest r = validator.validate(request("  Hello\n world  ", null, null), FREE);

        assertThat(r.text()).isEqualTo("Hello world");
        assertThat(r.voice().id()).isEqualTo("kevin16");
        assertThat(r.options().speed()).isEqualTo(1.0);
        assertThat(r.saveToLibrary()).as("saved only when asked, as in the original").isFalse();
        assertThat(r.isPublic()).isTrue();
        assertThat(validator.defaultVoiceId()).isEqualTo("kevin16");
    }

    @Test
    void theConfiguredDefaultVoiceIsUsedWhenInstalled() {
        SpeechRequestValidator v = new SpeechRequestValidator(new VoiceCatalog(voices,
                List.of(EngineVoiceLoader.kevin16("kevin16")), Duration.ofSeconds(5), Clock.systemUTC()),
                new TextLimits(Map.of(), 1000), TinyPiperVoices.SINGLE, "kevin16");

        assertThat(v.validate(request("Hi", null, null), FREE).voice().id()).isEqualTo(TinyPiperVoices.SINGLE);
    }

    @Test
    void speakersAreChosenByNameOrNumber() {
        assertThat(validator.validate(request("Hi", TinyPiperVoices.MULTI, "carol"), FREE).options().speakerId())
                .isEqualTo(2);
        ValidSpeechRequest byNumber = validator.validate(request("Hi", TinyPiperVoices.MULTI, 1), FREE);
        assertThat(byNumber.options().speakerId()).isEqualTo(1);
        assertThat(byNumber.speakerName()).isEqualTo("bob");
    }

    @Test
    void emptyTextIsRefused() {
        expect(() -> validator.validate(request("   ", null, null), FREE), 400, "empty-text");
        expect(() -> validator.validate(request(null, null, null), FREE), 400, "empty-text");
        expect(() -> validator.validate(null, FREE), 400, "missing-body");
    }

    @Test
    void onlyPunctuationOrEmojiIsRefused() {
        expect(() -> validator.validate(request("?!... \uD83D\uDE00\uD83C\uDF89", null, null), FREE), 400,
                "nothing-to-speak");
    }

    @Test
    void hundredKilobytesIsRefusedBeforeAnyWork() {
        expect(() -> validator.validate(request("a".repeat(102_401), null, null), CREATOR), 413, "text-too-large");
    }

    @Test
    void textLimitsFollowTheTierWithTheOriginalsCeiling() {
        String text = "word ".repeat(150).strip();
        expect(() -> validator.validate(request(text, null, null), Caller.anonymous()), 400, "text-too-long");
        assertThat(validator.validate(request(text, null, null), FREE).text()).hasSize(text.length());
        // Configured above 5000, admin still gets the original's 5000.
        expect(() -> validator.validate(request("a".repeat(5001), null, null), new Caller("a", "admin", true)), 400,
                "text-too-long");
        // An unknown tier gets the free tier's limit.
        expect(() -> validator.validate(request("a".repeat(1001), null, null), new Caller("x", "gold", false)), 400,
                "text-too-long");
    }

    @Test
    void unknownVoicesAndSpeakersAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> validator.validate(request("Hi", "en_US-nobody-low", null), FREE))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.slug()).isEqualTo("unknown-voice");
                    assertThat(e.toProblem().extensions().get("voices").toString()).contains("kevin16");
                });
        expect(() -> validator.validate(request("Hi", TinyPiperVoices.MULTI, "dave"), FREE), 400, "unknown-speaker");
        expect(() -> validator.validate(request("Hi", TinyPiperVoices.MULTI, 3), FREE), 400, "unknown-speaker");
        expect(() -> validator.validate(request("Hi", "kevin16", "bob"), FREE), 400, "unknown-speaker");
    }

    @Test
    void speedAndTagsAreBounded() {
        expect(() -> validator.validate(new SpeechRequest("Hi", null, null, 10.0, null, null, null, null), FREE), 400,
                "invalid-speed");
        expect(() -> validator.validate(new SpeechRequest("Hi", null, null, null, null, null,
                List.of("x".repeat(51)), null), FREE), 400, "invalid-tags");
        assertThat(validator.validate(new SpeechRequest("Hi", null, null, 1.5, 0.3, false, List.of(" news "), false),
                FREE)).satisfies(r -> {
                    assertThat(r.options().speed()).isEqualTo(1.5);
                    assertThat(r.options().variability()).isEqualTo(0.3);
                    assertThat(r.tags()).containsExactly("news");
                    assertThat(r.saveToLibrary()).isFalse();
                    assertThat(r.isPublic()).isFalse();
                });
    }

    private static SpeechRequest request(String text, String voice, Object speaker) {
        return new SpeechRequest(text, voice, speaker, null, null, null, null, null);
    }

    private static void expect(ThrowingCallable call, int status, String slug) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.slug()).isEqualTo(slug);
        });
    }
}
