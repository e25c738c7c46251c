package io.soundbox.tts.speech;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.soundbox.audio.WavCodec;
import io.soundbox.tts.engine.SynthesisOptions;
import io.soundbox.tts.voice.VoiceEntry;

/**
 * The sample sentence per voice (and speaker) as WAV bytes, made once and kept (bounded, LRU): the web
 * UI's voice picker plays them for every voice, and they never change while the voice's files do not.
 */
public final class SampleCache {
    private final SpeechSynthesizer synthesizer;
    private final String sampleText;
    private final Cache<String, byte[]> samples;

    public SampleCache(SpeechSynthesizer synthesizer, String sampleText, int maxSamples) {
        this.synthesizer = synthesizer;
        this.sampleText = sampleText;
        this.samples = Caffeine.newBuilder().maximumSize(maxSamples).build();
    }

    public byte[] sample(VoiceEntry voice, int speakerId) {
        String key = voice.id() + "#" + speakerId + "@" + voice.version();
        return samples.get(key, k -> WavCodec.toBytes(
                synthesizer.speak(voice, sampleText, new SynthesisOptions(speakerId, 1.0, null))));
    }
}
