package io.soundbox.tts.speech;

import io.soundbox.tts.engine.SynthesisOptions;
import io.soundbox.tts.voice.VoiceEntry;
import java.util.List;

/** A request that passed every check: normalized text, a known voice and speaker, bounded options. */
public record ValidSpeechRequest(String text, VoiceEntry voice, String speakerName, SynthesisOptions options,
                                 boolean saveToLibrary, boolean isPublic, List<String> tags) {
}
