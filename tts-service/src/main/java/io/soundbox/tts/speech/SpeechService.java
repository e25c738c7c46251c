package io.soundbox.tts.speech;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.events.AudioCreated;
import io.soundbox.events.AudioKind;
import io.soundbox.events.SchemaVersion;
import io.soundbox.events.TimeOrderedIds;
import io.soundbox.tts.auth.Caller;
import io.soundbox.tts.engine.NothingToSpeakException;
import io.soundbox.tts.engine.SynthesisException;
import io.soundbox.tts.phonemize.PhonemizerException;
import io.soundbox.tts.problem.ProblemException;
import io.soundbox.tts.storage.AudioStore;
import io.soundbox.tts.voice.VoiceEntry;
import jakarta.enterprise.context.ApplicationScoped;
import io.soundbox.tts.config.TtsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.time.Clock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Speech requests end to end, synchronously (speech bypasses the generation queue): validate, speak,
 * write the WAV into the audio store, announce it on {@code soundbox.audio.created} (kind speech, model
 * {@code voice}, keyed by generation id) and wait for the broker's acknowledgement. If the announcement
 * fails the file is deleted again, so nothing is half-done.
 */
@ApplicationScoped
public class SpeechService {
    private static final Logger LOG = Logger.getLogger(SpeechService.class);
    /** The original's model name for speech in the library. */
    static final String MODEL = "voice";
    static final String SAVED_PREFIX = "speech_";
    /** Speech nobody saved: {@link UnsavedSpeechSweeper} deletes these files after the retention time. */
    public static final String UNSAVED_PREFIX = "speech-unsaved_";

    private final SpeechRequestValidator validator;
    private final SpeechSynthesizer synthesizer;
    private final SampleCache samples;
    private final AudioStore store;
    private final AudioAnnouncer announcer;
    private final Clock clock;
    private final int inlineMaxBytes;

    public SpeechService(SpeechRequestValidator validator, SpeechSynthesizer synthesizer, SampleCache samples,
                         AudioStore store, AudioAnnouncer announcer, Clock clock, TtsConfig config) {
        this.inlineMaxBytes = config.tts().inlineAudioMaxBytes();
        this.validator = validator;
        this.synthesizer = synthesizer;
        this.samples = samples;
        this.store = store;
        this.announcer = announcer;
        this.clock = clock;
    }

    public SpeechResult generate(SpeechRequest request, Caller caller) {
        ValidSpeechRequest r = validator.validate(request, caller);
        PcmBuffer pcm = guarded(r.voice(), () -> synthesizer.speak(r.voice(), r.text(), r.options()));
        String genId = TimeOrderedIds.next();
        String filename = (r.saveToLibrary() ? SAVED_PREFIX : UNSAVED_PREFIX) + genId + ".wav";
        Path written;
        try {
            written = store.write(filename, pcm);
        } catch (IOException e) {
            throw new ProblemException(503, "audio-store-unavailable", "Audio store unavailable",
                    "the speech could not be stored: " + e.getMessage());
        }
        if (r.saveToLibrary()) {
            AudioCreated event = new AudioCreated(SchemaVersion.CURRENT, genId, genId, filename, AudioKind.SPEECH,
                    MODEL, r.text(), pcm.durationSeconds(), pcm.sampleRate(), caller.userId(), r.isPublic(), null,
                    null, r.voice().id(), false, r.tags(), clock.instant());
            try {
                announcer.announce(event);
            } catch (RuntimeException e) {
                deleteQuietly(filename);
                throw new ProblemException(503, "library-unavailable", "Library unavailable",
                        "the speech was made but could not be saved to the library: " + e.getMessage());
            }
        }
        return new SpeechResult("/audio/" + filename, filename, genId, round(pcm.durationSeconds()), r.voice().id(),
                r.speakerName(), pcm.sampleRate(), r.saveToLibrary(), r.saveToLibrary() ? null : inline(written));
    }

    /** The cached sample WAV of a voice; unknown voices and speakers are problems like in {@link #generate}. */
    public byte[] sample(String voiceId, String speaker) {
        VoiceEntry voice;
        try {
            voice = validator.voice(voiceId);
        } catch (ProblemException e) {
            throw new ProblemException(404, "unknown-voice", "Not found", e.getMessage());
        }
        int speakerId = SpeechRequestValidator.speaker(voice, speaker);
        return guarded(voice, () -> samples.sample(voice, speakerId));
    }

    public String defaultVoiceId() {
        return validator.defaultVoiceId();
    }

    private static <T> T guarded(VoiceEntry voice, Supplier<T> work) {
        try {
            return work.get();
        } catch (NothingToSpeakException e) {
            throw ProblemException.badRequest("nothing-to-speak", e.getMessage() + " (voice " + voice.id() + ")");
        } catch (SpeechSynthesizer.BusyException e) {
            throw new ProblemException(503, "tts-busy", "Busy", "speech synthesis is busy: " + e.getMessage()
                    + "; try again shortly").withHeader("Retry-After", "5");
        } catch (SynthesisException | PhonemizerException e) {
            LOG.warnf("voice %s failed: %s", voice.id(), e.getMessage());
            throw new ProblemException(503, "voice-unavailable", "Voice unavailable",
                    "voice " + voice.id() + " cannot speak right now: " + e.getMessage());
        }
    }

    /** The written WAV as base64, or null when it is larger than the inline limit (use audio_url then). */
    private String inline(Path wav) {
        try {
            if (Files.size(wav) > inlineMaxBytes) {
                return null;
            }
            return Base64.getEncoder().encodeToString(Files.readAllBytes(wav));
        } catch (IOException e) {
            throw new ProblemException(503, "audio-store-unavailable", "Audio store unavailable",
                    "the speech was stored but could not be read back: " + e.getMessage());
        }
    }

    private void deleteQuietly(String filename) {
        try {
            store.delete(filename);
        } catch (IOException e) {
            LOG.warnf("could not delete %s after a failed announcement: %s", filename, e.getMessage());
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
