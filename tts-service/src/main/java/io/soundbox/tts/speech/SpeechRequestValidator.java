package io.soundbox.tts.speech;

import io.soundbox.tts.auth.Caller;
import io.soundbox.tts.engine.SynthesisOptions;
import io.soundbox.moderation.ContentPolicy;
import io.soundbox.tts.problem.ProblemException;
import io.soundbox.tts.text.TextNormalizer;
import io.soundbox.tts.voice.VoiceCatalog;
import io.soundbox.tts.voice.VoiceEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a speech request before any synthesis, in this order: a body, text present, text size in
 * bytes (413), something speakable left after normalisation, characters within the caller's tier,
 * a known voice, a known speaker, speed and variability in range, tags. Each failure is a problem with
 * a detail that says what to change. Plain Java: unit tests drive it without Quarkus.
 */
public final class SpeechRequestValidator {
    static final int MAX_TAGS = 10;
    static final int MAX_TAG_CHARS = 50;

    private final VoiceCatalog catalog;
    private final TextLimits limits;
    private final String defaultVoice;
    private final String fallbackVoice;
    private final TextNormalizer normalizer = new TextNormalizer();
    /** The one content policy (libs/moderation): the gateway's word list and rules. */
    private final ContentPolicy content = ContentPolicy.shipped();

    public SpeechRequestValidator(VoiceCatalog catalog, TextLimits limits, String defaultVoice, String fallbackVoice) {
        this.catalog = catalog;
        this.limits = limits;
        this.defaultVoice = defaultVoice;
        this.fallbackVoice = fallbackVoice;
    }

    /** The voice used when a request names none: the configured default when installed, else the no-weights voice. */
    public String defaultVoiceId() {
        return catalog.find(defaultVoice).isPresent() ? defaultVoice : fallbackVoice;
    }

    public ValidSpeechRequest validate(SpeechRequest request, Caller caller) {
        if (request == null) {
            throw ProblemException.badRequest("missing-body", "send a JSON body like {\"text\": \"Hello there\"}");
        }
        String raw = request.text();
        if (raw == null || raw.isBlank()) {
            throw ProblemException.badRequest("empty-text", "text is required and must not be empty");
        }
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxBytes()) {
            throw new ProblemException(413, "text-too-large", "Text too large",
                    "text is " + bytes + " bytes; at most " + limits.maxBytes() + " bytes are accepted")
                    .with("max_bytes", limits.maxBytes());
        }
        String text = normalizer.normalize(raw);
        // What was sent and what would be spoken: neither may hold a blocked word.
        refuse(content.check("text", raw));
        refuse(content.check("text", text));
        if (!TextNormalizer.hasSpeakableContent(text)) {
            throw ProblemException.badRequest("nothing-to-speak",
                    "text has no words to speak: only punctuation, symbols or emoji");
        }
        int maxChars = limits.charsFor(caller.tier());
        int chars = text.codePointCount(0, text.length());
        if (chars > maxChars) {
            throw ProblemException.badRequest("text-too-long", "text is " + chars + " characters; the "
                    + caller.tier() + " tier allows " + maxChars).with("max_chars", maxChars);
        }
        VoiceEntry voice = voice(request.voice());
        int speakerId = speaker(voice, request.speaker());
        double speed = range("speed", request.speed(), 1.0, SynthesisOptions.MIN_SPEED, SynthesisOptions.MAX_SPEED);
        Double variability = request.variability() == null ? null
                : range("variability", request.variability(), 0, 0, 2);
        String speakerName = voice.speakers().isEmpty() ? null : voice.speakers().get(speakerId);
        return new ValidSpeechRequest(text, voice, speakerName, new SynthesisOptions(speakerId, speed, variability),
                // Like the original: speech is saved to the library only when asked.
                Boolean.TRUE.equals(request.saveToLibrary()),
                request.isPublic() == null || request.isPublic(), tags(request.tags()));
    }

    private static void refuse(Optional<ContentPolicy.Refusal> refusal) {
        if (refusal.isPresent()) {
            ContentPolicy.Refusal r = refusal.get();
            throw ProblemException.badRequest(ContentPolicy.PROBLEM_SLUG, r.detail()).with("error", r.detail())
                    .with("field", r.field());
        }
    }

    /** A voice by id, or the default; unknown ids are a 400 naming where the list is. */
    public VoiceEntry voice(String id) {
        String wanted = id == null || id.isBlank() ? defaultVoiceId() : id.strip();
        Optional<VoiceEntry> found = catalog.find(wanted);
        if (found.isEmpty()) {
            throw ProblemException.badRequest("unknown-voice", "unknown voice '" + wanted
                    + "'; GET /api/voices lists the installed voices")
                    .with("voices", catalog.list().stream().map(VoiceEntry::id).toList());
        }
        return found.get();
    }

    static int speaker(VoiceEntry voice, Object speaker) {
        String s = speaker == null ? null : speaker.toString();
        return voice.speakerId(s).orElseThrow(() -> ProblemException.badRequest("unknown-speaker",
                        voice.speakers().isEmpty()
                                ? "voice " + voice.id() + " has a single speaker; leave speaker out"
                                : "voice " + voice.id() + " has no speaker '" + s + "'; use a name or a number below "
                                        + voice.speakers().size())
                .with("speakers", voice.speakers()));
    }

    private static double range(String name, Double value, double dflt, double min, double max) {
        if (value == null) {
            return dflt;
        }
        if (value.isNaN() || value < min || value > max) {
            throw ProblemException.badRequest("invalid-" + name, name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.badRequest("invalid-tags", "at most " + MAX_TAGS + " tags");
        }
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            String s = t == null ? "" : t.strip();
            if (s.isEmpty() || s.length() > MAX_TAG_CHARS) {
                throw ProblemException.badRequest("invalid-tags", "each tag has 1 to " + MAX_TAG_CHARS + " characters");
            }
            out.add(s);
        }
        refuse(content.checkEach("tags", out));
        return out;
    }
}
