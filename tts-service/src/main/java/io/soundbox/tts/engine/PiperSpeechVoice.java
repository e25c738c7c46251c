package io.soundbox.tts.engine;

import ai.onnxruntime.OrtException;
import io.soundbox.tts.phonemize.Phonemizer;
import io.soundbox.tts.piper.PhonemeIdMapper;
import io.soundbox.tts.piper.PiperModel;
import io.soundbox.tts.piper.PiperVoiceConfig;
import io.soundbox.tts.text.SentenceSplitter;
import java.util.List;
import java.util.Locale;

/**
 * Piper synthesis: phonemes per sentence in the voice's espeak-ng language, ids by the voice's map, one
 * ONNX run per sentence with the voice's scales (length scale divided by the requested speed), each
 * sentence peak-normalised as Piper does, and {@code sentenceSilence} seconds of silence between them.
 */
public final class PiperSpeechVoice implements SpeechVoice {
    /** Piper scales by 32767 / max(0.01, peak); a little headroom keeps 16-bit output off full scale. */
    private static final float TARGET_PEAK = 0.95f;

    private final PiperVoiceConfig config;
    private final PiperModel model;
    private final Phonemizer phonemizer;
    private final PhonemeIdMapper mapper;
    private final float[] silence;

    public PiperSpeechVoice(PiperVoiceConfig config, PiperModel model, Phonemizer phonemizer, double sentenceSilence) {
        this.config = config;
        this.model = model;
        this.phonemizer = phonemizer;
        this.mapper = new PhonemeIdMapper(config.phonemeIdMap(), config.phonemeMap());
        this.silence = new float[(int) Math.round(sentenceSilence * config.sampleRate())];
    }

    @Override
    public int sampleRate() {
        return config.sampleRate();
    }

    @Override
    public void synthesize(String text, SynthesisOptions options, AudioSink sink) {
        List<String> sentences = config.textPhonemes() ? letters(text) : phonemizer.phonemize(text, config.espeakVoice());
        float noise = options.variability() != null ? options.variability().floatValue() : config.noiseScale();
        float length = (float) (config.lengthScale() / options.speed());
        int speaker = model.hasSpeakerInput() ? options.speakerId() : 0;
        boolean spoke = false;
        for (String phonemes : sentences) {
            PhonemeIdMapper.Result ids = mapper.toIds(phonemes);
            if (ids.phonemes() == 0) {
                continue;
            }
            float[] audio;
            try {
                audio = model.run(ids.ids(), noise, length, config.noiseW(), speaker);
            } catch (OrtException e) {
                throw new SynthesisException("the voice model failed: " + e.getMessage(), e);
            }
            if (spoke && silence.length > 0) {
                sink.accept(silence.clone());
            }
            normalise(audio);
            sink.accept(audio);
            spoke = true;
        }
        if (!spoke) {
            throw new NothingToSpeakException("the text has nothing this voice can pronounce");
        }
    }

    /** Piper's {@code phoneme_type: text}: the lower-cased letters are the phonemes, sentence by sentence. */
    private static List<String> letters(String text) {
        return new SentenceSplitter().sentences(text).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    static void normalise(float[] audio) {
        float peak = 0.01f;
        for (float s : audio) {
            peak = Math.max(peak, Math.abs(s));
        }
        float scale = TARGET_PEAK / peak;
        for (int i = 0; i < audio.length; i++) {
            audio[i] *= scale;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
