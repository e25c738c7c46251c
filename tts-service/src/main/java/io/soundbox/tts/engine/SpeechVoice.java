package io.soundbox.tts.engine;

/** A loaded voice. Implementations are thread-safe; {@link #close} is called once no synthesis runs. */
public interface SpeechVoice extends AutoCloseable {

    int sampleRate();

    /**
     * Speaks normalized text into the sink.
     *
     * @throws NothingToSpeakException when the text yields no phonemes or no audio
     */
    void synthesize(String text, SynthesisOptions options, AudioSink sink);

    @Override
    void close();
}
