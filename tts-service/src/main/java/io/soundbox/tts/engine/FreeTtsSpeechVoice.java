package io.soundbox.tts.engine;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import javax.sound.sampled.AudioFormat;

/**
 * FreeTTS's kevin16 (CMU diphones, 16 kHz, pure Java): the voice that needs no weights and no system
 * package, so a fresh install speaks. Measured ~15 ms for a 200-character sentence once warm. A FreeTTS
 * voice is not thread-safe: one synthesis at a time (the lock is held only for that short time).
 */
public final class FreeTtsSpeechVoice implements SpeechVoice {
    public static final String VOICE_NAME = "kevin16";
    public static final int SAMPLE_RATE = 16_000;

    private final Voice voice;
    private final float defaultRate;

    private FreeTtsSpeechVoice(Voice voice) {
        this.voice = voice;
        this.defaultRate = voice.getRate();
    }

    public static FreeTtsSpeechVoice load() {
        for (Voice v : new KevinVoiceDirectory().getVoices()) {
            if (VOICE_NAME.equals(v.getName())) {
                v.allocate();
                return new FreeTtsSpeechVoice(v);
            }
        }
        throw new IllegalStateException("FreeTTS has no " + VOICE_NAME + " voice on the class path");
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public void synthesize(String text, SynthesisOptions options, AudioSink sink) {
        SinkPlayer player = new SinkPlayer(sink);
        synchronized (voice) {
            voice.setRate((float) (defaultRate * options.speed()));
            voice.setAudioPlayer(player);
            try {
                voice.speak(text);
            } finally {
                voice.setRate(defaultRate);
            }
        }
        if (player.samples == 0) {
            throw new NothingToSpeakException("the text has nothing this voice can pronounce");
        }
    }

    @Override
    public void close() {
        synchronized (voice) {
            voice.deallocate();
        }
    }

    /** Turns FreeTTS's 16-bit PCM bytes (its format says the byte order) into float chunks. */
    static final class SinkPlayer implements AudioPlayer {
        private final AudioSink sink;
        private AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, true);
        private float volume = 1f;
        long samples;

        SinkPlayer(AudioSink sink) {
            this.sink = sink;
        }

        @Override
        public boolean write(byte[] audioData) {
            return write(audioData, 0, audioData.length);
        }

        @Override
        public boolean write(byte[] bytes, int offset, int size) {
            boolean bigEndian = format.isBigEndian();
            float[] out = new float[size / 2];
            for (int i = 0; i < out.length; i++) {
                int a = bytes[offset + 2 * i];
                int b = bytes[offset + 2 * i + 1];
                int v = bigEndian ? (a << 8) | (b & 0xff) : (b << 8) | (a & 0xff);
                out[i] = (short) v / 32768f;
            }
            if (out.length > 0) {
                samples += out.length;
                sink.accept(out);
            }
            return true;
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return volume;
        }

        @Override
        public void setVolume(float volume) {
            this.volume = volume;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public void showMetrics() {
        }
    }
}
