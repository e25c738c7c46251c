package io.soundbox.tts.voice;

import io.soundbox.tts.piper.PiperVoiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One voice of the catalog.
 *
 * @param speakers speaker names in speaker-id order (empty for a single-speaker voice)
 * @param model    the Piper {@code .onnx} file, null for a built-in voice
 * @param version  changes when the voice's files change, so a cached session of the old files is replaced
 * @param piper    the parsed {@code .onnx.json}, null for a built-in voice
 */
public record VoiceEntry(String id, String name, String locale, String quality, int sampleRate,
                         VoiceEngineKind engine, List<String> speakers, Path model, String version,
                         PiperVoiceConfig piper) {

    public VoiceEntry {
        speakers = List.copyOf(speakers);
    }

    public boolean needsWeights() {
        return engine == VoiceEngineKind.PIPER;
    }

    /**
     * The speaker id for a request's {@code speaker}: a name from the voice's speaker map or a number
     * below the speaker count. Single-speaker voices take no speaker (0 and their id are accepted).
     */
    public Optional<Integer> speakerId(String speaker) {
        if (speaker == null || speaker.isBlank()) {
            return Optional.of(0);
        }
        String s = speaker.strip();
        int index = speakers.indexOf(s);
        if (index >= 0) {
            return Optional.of(index);
        }
        try {
            int n = Integer.parseInt(s);
            int count = Math.max(1, speakers.size());
            return n >= 0 && n < count ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
