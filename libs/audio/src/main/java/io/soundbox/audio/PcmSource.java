package io.soundbox.audio;

import java.io.IOException;

/**
 * Audio read front to back in chunks, so a clip of any length is analysed, rendered and written with
 * bounded memory: a {@link PcmBuffer} in the heap, a {@link PcmSpool} on disk or a WAV file. Closing
 * releases what backs it (a spool deletes its file); sources that hold nothing ignore it.
 */
public interface PcmSource extends AutoCloseable {
    /** Frames per chunk the streaming passes use: 8,192 stereo frames are 64 KB of floats. */
    int CHUNK_FRAMES = 8_192;

    int sampleRate();

    int channels();

    long frames();

    default double durationSeconds() {
        return frames() / (double) sampleRate();
    }

    /**
     * Hands over consecutive chunks of interleaved samples, each at most {@code maxFrames} frames long, in
     * order. The array may be reused between calls: a consumer copies what it keeps.
     */
    void forEachChunk(int maxFrames, ChunkConsumer consumer) throws IOException;

    @Override
    default void close() {
    }

    /** One chunk: {@code frames} frames of interleaved samples from {@code samples[offset]}, starting at frame {@code firstFrame}. */
    @FunctionalInterface
    interface ChunkConsumer {
        void accept(float[] samples, int offset, int frames, long firstFrame) throws IOException;
    }

    /** A buffer in the heap as a source (no copy). */
    static PcmSource of(PcmBuffer pcm) {
        return new PcmSource() {
            @Override
            public int sampleRate() {
                return pcm.sampleRate();
            }

            @Override
            public int channels() {
                return pcm.channels();
            }

            @Override
            public long frames() {
                return pcm.frames();
            }

            @Override
            public void forEachChunk(int maxFrames, ChunkConsumer consumer) throws IOException {
                int ch = pcm.channels();
                int total = pcm.frames();
                for (int start = 0; start < total; start += maxFrames) {
                    consumer.accept(pcm.samples(), start * ch, Math.min(maxFrames, total - start), start);
                }
            }
        };
    }

    /** Reads a whole source into the heap: for clips known to be short (tests, neural engines' outputs). */
    static PcmBuffer readAll(PcmSource source) throws IOException {
        long samples = source.frames() * source.channels();
        if (samples > Integer.MAX_VALUE - 8) {
            throw new IOException("audio too long for one buffer: " + source.frames() + " frames");
        }
        float[] out = new float[(int) samples];
        int ch = source.channels();
        source.forEachChunk(CHUNK_FRAMES, (s, off, n, first) -> System.arraycopy(s, off, out, (int) first * ch, n * ch));
        return new PcmBuffer(source.sampleRate(), ch, out);
    }
}
