package io.soundbox.tts.engine;

import io.soundbox.tts.phonemize.PhonemizerSelector;
import io.soundbox.tts.piper.PiperModel;
import io.soundbox.tts.voice.VoiceEntry;

/** Loads a catalog entry with the engine it names. */
public final class EngineVoiceLoader implements VoiceLoader {
    private final PhonemizerSelector phonemizers;
    private final int onnxThreads;
    private final double sentenceSilence;

    public EngineVoiceLoader(PhonemizerSelector phonemizers, int onnxThreads, double sentenceSilence) {
        this.phonemizers = phonemizers;
        this.onnxThreads = onnxThreads;
        this.sentenceSilence = sentenceSilence;
    }

    @Override
    public SpeechVoice load(VoiceEntry entry) throws Exception {
        return switch (entry.engine()) {
            case FREETTS -> FreeTtsSpeechVoice.load();
            case PIPER -> {
                // Phonemizer first: without espeak-ng a Piper voice cannot speak, so do not load its model.
                var phonemizer = phonemizers.get();
                yield new PiperSpeechVoice(entry.piper(), PiperModel.load(entry.model(), onnxThreads), phonemizer,
                        sentenceSilence);
            }
        };
    }

    /** The built-in voice that needs no weights. */
    public static VoiceEntry kevin16(String id) {
        return new VoiceEntry(id, "Kevin (FreeTTS, no weights)", "en_US", "low", FreeTtsSpeechVoice.SAMPLE_RATE,
                io.soundbox.tts.voice.VoiceEngineKind.FREETTS, java.util.List.of(), null, "builtin", null);
    }
}
