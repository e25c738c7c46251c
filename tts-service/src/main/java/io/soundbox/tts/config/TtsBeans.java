package io.soundbox.tts.config;

import io.soundbox.tts.engine.EngineVoiceLoader;
import io.soundbox.tts.engine.VoiceCache;
import io.soundbox.tts.phonemize.PhonemizerSelector;
import io.soundbox.tts.speech.SampleCache;
import io.soundbox.tts.speech.SpeechRequestValidator;
import io.soundbox.tts.speech.SpeechSynthesizer;
import io.soundbox.tts.speech.TextLimits;
import io.soundbox.tts.voice.VoiceCatalog;
import io.soundbox.tts.voice.VoiceLicenses;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Wires the plain-Java parts (catalog, phonemizer, voice cache, synthesis) from the configuration. */
public class TtsBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    VoiceCatalog catalog(TtsConfig config, Clock clock) {
        return new VoiceCatalog(config.voicesDir(), List.of(EngineVoiceLoader.kevin16(config.tts().fallbackVoice())),
                config.tts().catalogRefresh(), clock);
    }

    @Produces
    @Singleton
    VoiceLicenses licenses(TtsConfig config) {
        return VoiceLicenses.load(config.licensesFile());
    }

    @Produces
    @Singleton
    VoiceCache voiceCache(TtsConfig config) {
        PhonemizerSelector phonemizers = new PhonemizerSelector(config.tts().phonemizer(), config.espeakCacheDir(),
                config.tts().espeakCommand());
        return new VoiceCache(new EngineVoiceLoader(phonemizers, config.tts().onnxThreads(),
                config.tts().sentenceSilence()), config.tts().voiceCacheSize());
    }

    void closeVoices(@Disposes VoiceCache cache) {
        cache.close();
    }

    @Produces
    @Singleton
    SpeechSynthesizer synthesizer(VoiceCache cache, TtsConfig config) {
        int max = config.tts().maxConcurrent() > 0 ? config.tts().maxConcurrent()
                : Runtime.getRuntime().availableProcessors();
        return new SpeechSynthesizer(cache, max, config.tts().synthesisWait());
    }

    @Produces
    @Singleton
    SampleCache samples(SpeechSynthesizer synthesizer, TtsConfig config) {
        return new SampleCache(synthesizer, config.tts().sampleText(), config.tts().sampleCacheSize());
    }

    @Produces
    @Singleton
    SpeechRequestValidator validator(VoiceCatalog catalog, TtsConfig config) {
        return new SpeechRequestValidator(catalog, new TextLimits(config.tts().textLimits(), config.tts().maxTextBytes()),
                config.tts().defaultVoice(), config.tts().fallbackVoice());
    }
}
