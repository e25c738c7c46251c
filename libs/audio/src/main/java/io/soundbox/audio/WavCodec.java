package io.soundbox.audio;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * RIFF/WAVE with 16-bit PCM, mono or stereo, any sample rate. Reading skips chunks it does not need
 * (LIST, fact, ...) and also accepts 8-, 24- and 32-bit integer and 32-bit float PCM, converting to float.
 */
public final class WavCodec {
    /** Bytes of the canonical header this codec writes. */
    public static final int HEADER_BYTES = 44;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_IEEE_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Refuse absurd declared sizes before allocating (1 hour of 48 kHz stereo float is ~1.4 GB). */
    private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private WavCodec() {
    }

    /** Bytes a 16-bit file of this buffer takes, header included. */
    public static long encodedSize(PcmBuffer pcm) {
        return HEADER_BYTES + (long) pcm.samples().length * 2;
    }

    public static void write(PcmBuffer pcm, OutputStream target) throws IOException {
        write(PcmSource.of(pcm), 1.0, target);
    }

    /**
     * Streams a source of any length into a 16-bit file, chunk by chunk, each sample times {@code gain}
     * (a loudness normalisation applied on the way out instead of in a second copy of the clip).
     */
    public static void write(PcmSource pcm, double gain, OutputStream target) throws IOException {
        long dataBytes = pcm.frames() * pcm.channels() * 2;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new IOException("audio too long for a WAV file: " + dataBytes + " bytes");
        }
        OutputStream out = target instanceof BufferedOutputStream ? target : new BufferedOutputStream(target, 64 * 1024);
        out.write(header(pcm.sampleRate(), pcm.channels(), dataBytes));
        byte[] chunk = new byte[PcmSource.CHUNK_FRAMES * pcm.channels() * 2];
        int ch = pcm.channels();
        pcm.forEachChunk(PcmSource.CHUNK_FRAMES, (s, off, n, first) -> {
            int pos = 0;
            for (int i = off, end = off + n * ch; i < end; i++) {
                int q = toPcm16(gain == 1.0 ? s[i] : (float) (s[i] * gain));
                chunk[pos++] = (byte) q;
                chunk[pos++] = (byte) (q >> 8);
            }
            out.write(chunk, 0, pos);
        });
        out.flush();
    }

    private static byte[] header(int sampleRate, int channels, long dataBytes) {
        int blockAlign = channels * 2;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes))
                .put(new byte[] {'W', 'A', 'V', 'E'})
                .put(new byte[] {'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) FORMAT_PCM).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) 16)
                .put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return header.array();
    }

    public static byte[] toBytes(PcmBuffer pcm) {
        var bytes = new java.io.ByteArrayOutputStream((int) encodedSize(pcm));
        try {
            write(pcm, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the file under a temporary name in the same directory and then moves it into place, so a
     * reader never sees a half-written file and a crash leaves no truncated audio behind.
     */
    public static void writeAtomically(PcmBuffer pcm, Path target) throws IOException {
        writeAtomically(PcmSource.of(pcm), 1.0, target);
    }

    /** {@link #writeAtomically(PcmBuffer, Path)} for a source of any length, streamed, times {@code gain}. */
    public static void writeAtomically(PcmSource pcm, double gain, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(pcm, gain, out);
            }
            shareReadOnly(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Temporary files are created owner-only (0600); the audio store is read by other services, which in
     * some deployments run as other users, so published files become 0644 where POSIX permissions exist.
     */
    public static void shareReadOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Format and length of a WAV file, from its header only. */
    public record Info(int sampleRate, int channels, int bitsPerSample, long frames, long dataOffset, int format) {
        public double durationSeconds() {
            return frames / (double) sampleRate;
        }
    }

    /** Reads the header of a file without its samples (a 10-minute file is not loaded to learn its length). */
    public static Info info(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return header(new CountingInput(in));
        }
    }

    /** The file as a source read chunk by chunk on each pass (bounded memory for any length). */
    public static PcmSource open(Path file) throws IOException {
        Info info = info(file);
        return new PcmSource() {
            @Override
            public int sampleRate() {
                return info.sampleRate();
            }

            @Override
            public int channels() {
                return info.channels();
            }

            @Override
            public long frames() {
                return info.frames();
            }

            @Override
            public void forEachChunk(int maxFrames, ChunkConsumer consumer) throws IOException {
                int bytesPerSample = info.bitsPerSample() / 8;
                int size = Math.max(1, Math.min(maxFrames, CHUNK_FRAMES));
                byte[] raw = new byte[size * info.channels() * bytesPerSample];
                float[] out = new float[size * info.channels()];
                boolean isFloat = info.format() == FORMAT_IEEE_FLOAT;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
                    DataInputStream data = new DataInputStream(in);
                    skip(data, info.dataOffset());
                    for (long start = 0; start < info.frames(); start += size) {
                        int n = (int) Math.min(size, info.frames() - start);
                        int count = n * info.channels();
                        data.readFully(raw, 0, count * bytesPerSample);
                        decodeInto(raw, count, info.bitsPerSample(), isFloat, out);
                        consumer.accept(out, 0, n, start);
                    }
                } catch (EOFException e) {
                    throw new WavFormatException("truncated WAV file");
                }
            }
        };
    }

    public static PcmBuffer read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static PcmBuffer read(byte[] bytes) throws IOException {
        return read(new java.io.ByteArrayInputStream(bytes));
    }

    public static PcmBuffer read(InputStream source) throws IOException {
        CountingInput in = new CountingInput(new BufferedInputStream(source, 64 * 1024));
        Info info = header(in);
        long samples = info.frames() * info.channels();
        int count = (int) samples;
        byte[] raw = new byte[count * (info.bitsPerSample() / 8)];
        try {
            in.readFully(raw);
        } catch (EOFException e) {
            throw new WavFormatException("truncated WAV file");
        }
        float[] out = new float[count];
        decodeInto(raw, count, info.bitsPerSample(), info.format() == FORMAT_IEEE_FLOAT, out);
        return new PcmBuffer(info.sampleRate(), info.channels(), out);
    }

    /** Parses the chunks up to the start of the samples; the stream is left there. */
    private static Info header(CountingInput in) throws IOException {
        try {
            if (!"RIFF".equals(fourCc(in))) {
                throw new WavFormatException("not a RIFF file");
            }
            readIntLe(in);
            if (!"WAVE".equals(fourCc(in))) {
                throw new WavFormatException("RIFF file is not WAVE");
            }
            int format = -1;
            int channels = 0;
            int sampleRate = 0;
            int bits = 0;
            while (true) {
                String id = fourCc(in);
                long size = readIntLe(in) & 0xFFFFFFFFL;
                if ("fmt ".equals(id)) {
                    if (size < 16) {
                        throw new WavFormatException("fmt chunk too short: " + size);
                    }
                    format = readShortLe(in);
                    channels = readShortLe(in);
                    sampleRate = readIntLe(in);
                    readIntLe(in);
                    readShortLe(in);
                    bits = readShortLe(in);
                    if (format == FORMAT_EXTENSIBLE && size >= 40) {
                        readShortLe(in);
                        readShortLe(in);
                        readIntLe(in);
                        format = readShortLe(in); // first two bytes of the sub-format GUID
                        skip(in, size - 26);
                    } else {
                        skip(in, size - 16);
                    }
                } else if ("data".equals(id)) {
                    if (format < 0) {
                        throw new WavFormatException("data chunk before fmt chunk");
                    }
                    return check(size, format, channels, sampleRate, bits, in.position());
                } else {
                    skip(in, size);
                }
                if ((size & 1) == 1) {
                    skip(in, 1); // RIFF chunks are word aligned
                }
            }
        } catch (EOFException e) {
            throw new WavFormatException("truncated WAV file");
        }
    }

    private static Info check(long size, int format, int channels, int sampleRate, int bits, long dataOffset)
            throws IOException {
        if (channels < 1 || channels > 2) {
            throw new WavFormatException("unsupported channel count: " + channels);
        }
        if (sampleRate <= 0) {
            throw new WavFormatException("invalid sample rate: " + sampleRate);
        }
        boolean isFloat = format == FORMAT_IEEE_FLOAT && bits == 32;
        if (!isFloat && !(format == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32))) {
            throw new WavFormatException("unsupported encoding: format " + format + ", " + bits + " bits");
        }
        int bytesPerSample = bits / 8;
        if (size > MAX_DATA_BYTES || size == 0xFFFFFFFFL) {
            throw new WavFormatException("data chunk too large: " + size);
        }
        long count = size / bytesPerSample;
        count -= count % channels;
        return new Info(sampleRate, channels, bits, count / channels, dataOffset, isFloat ? FORMAT_IEEE_FLOAT : FORMAT_PCM);
    }

    private static void decodeInto(byte[] raw, int count, int bits, boolean isFloat, float[] out) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            out[i] = switch (bits) {
                case 8 -> ((raw[i] & 0xFF) - 128) / 128f;
                case 16 -> b.getShort(i * 2) / 32768f;
                case 24 -> (((raw[i * 3] & 0xFF) | ((raw[i * 3 + 1] & 0xFF) << 8) | (raw[i * 3 + 2] << 16))) / 8388608f;
                default -> isFloat ? b.getFloat(i * 4) : b.getInt(i * 4) / 2147483648f;
            };
        }
    }

    /** Knows how far it has read: where the samples start. */
    private static final class CountingInput extends DataInputStream {
        private final Counter counter;

        CountingInput(InputStream in) {
            this(new Counter(in));
        }

        private CountingInput(Counter counter) {
            super(counter);
            this.counter = counter;
        }

        long position() {
            return counter.pos;
        }
    }

    private static final class Counter extends java.io.FilterInputStream {
        long pos;

        Counter(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                pos++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                pos += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            pos += Math.max(0, k);
            return k;
        }
    }

    static int toPcm16(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        float c = Math.max(-1f, Math.min(1f, v));
        return Math.round(c * (c < 0 ? 32768f : 32767f));
    }

    private static String fourCc(DataInputStream in) throws IOException {
        byte[] b = new byte[4];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int readIntLe(DataInputStream in) throws IOException {
        return Integer.reverseBytes(in.readInt());
    }

    private static int readShortLe(DataInputStream in) throws IOException {
        return Short.reverseBytes(in.readShort()) & 0xFFFF;
    }

    private static void skip(DataInputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                s = 1;
            }
            left -= s;
        }
    }
}
