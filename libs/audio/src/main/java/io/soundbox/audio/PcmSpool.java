package io.soundbox.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Interleaved float frames in a temporary file: where a long clip lives between its rendering and its
 * WAV file, so the heap holds one chunk at a time whatever the duration (10 minutes of 32 kHz stereo
 * are 154 MB of floats, more than a 256 MB heap can spare twice). Appended front to back, patched in
 * place (a loop's crossfaded head, a limiter pass) and read in chunks. Closing deletes the file.
 * Not thread-safe: one job's thread owns it.
 */
public final class PcmSpool implements PcmSource {
    private static final int BYTES = Float.BYTES;

    private final Path file;
    private final FileChannel channel;
    private final int sampleRate;
    private final int channels;
    private final ByteBuffer io;
    private long frames;

    private PcmSpool(Path file, FileChannel channel, int sampleRate, int channels) {
        this.file = file;
        this.channel = channel;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.io = ByteBuffer.allocateDirect(CHUNK_FRAMES * channels * BYTES).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** A new, empty spool in {@code dir} (created when missing). */
    public static PcmSpool create(Path dir, int sampleRate, int channels) {
        if (sampleRate <= 0 || channels < 1 || channels > 2) {
            throw new IllegalArgumentException("bad spool format: " + sampleRate + " Hz, " + channels + " ch");
        }
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, ".spool-", ".f32");
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            return new PcmSpool(file, ch, sampleRate, channels);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + dir, e);
        }
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public long frames() {
        return frames;
    }

    public Path file() {
        return file;
    }

    /** Appends {@code n} frames from {@code samples[offset]}. */
    public void append(float[] samples, int offset, int n) {
        write(frames, samples, offset, n);
    }

    /** Writes {@code n} frames at frame {@code at} (at most the current end: the spool has no holes). */
    public void write(long at, float[] samples, int offset, int n) {
        if (at < 0 || at > frames) {
            throw new IndexOutOfBoundsException("frame " + at + " of " + frames);
        }
        try {
            int done = 0;
            while (done < n) {
                int len = Math.min(CHUNK_FRAMES, n - done);
                io.clear();
                io.asFloatBuffer().put(samples, offset + done * channels, len * channels);
                io.limit(len * channels * BYTES);
                long pos = (at + done) * channels * BYTES;
                while (io.hasRemaining()) {
                    pos += channel.write(io, pos);
                }
                done += len;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spool " + file, e);
        }
        frames = Math.max(frames, at + n);
    }

    /** Reads {@code n} frames from frame {@code at} into {@code into[offset]}. */
    public void read(long at, float[] into, int offset, int n) {
        if (at < 0 || at + n > frames) {
            throw new IndexOutOfBoundsException("frames " + at + "+" + n + " of " + frames);
        }
        try {
            int done = 0;
            while (done < n) {
                int len = Math.min(CHUNK_FRAMES, n - done);
                io.clear();
                io.limit(len * channels * BYTES);
                long pos = (at + done) * channels * BYTES;
                while (io.hasRemaining()) {
                    int r = channel.read(io, pos);
                    if (r < 0) {
                        throw new IOException("spool ended early");
                    }
                    pos += r;
                }
                io.flip();
                FloatBuffer fb = io.asFloatBuffer();
                fb.get(into, offset + done * channels, len * channels);
                done += len;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spool " + file, e);
        }
    }

    @Override
    public void forEachChunk(int maxFrames, ChunkConsumer consumer) throws IOException {
        int size = Math.max(1, Math.min(maxFrames, CHUNK_FRAMES));
        float[] buf = new float[size * channels];
        for (long start = 0; start < frames; start += size) {
            int n = (int) Math.min(size, frames - start);
            read(start, buf, 0, n);
            consumer.accept(buf, 0, n, start);
        }
    }

    /** Rewrites every chunk in place with what {@code change} makes of it. */
    public void transform(ChunkConsumer change) throws IOException {
        float[] buf = new float[CHUNK_FRAMES * channels];
        for (long start = 0; start < frames; start += CHUNK_FRAMES) {
            int n = (int) Math.min(CHUNK_FRAMES, frames - start);
            read(start, buf, 0, n);
            change.accept(buf, 0, n, start);
            write(start, buf, 0, n);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // deleting is what matters
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover spool is removed by the next start's clean-up
        }
    }
}
