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
        long dataBytes = (long) pcm.samples().length * 2;
        if (dataBytes > MAX_DATA_BYTES) {
            throw new IOException("audio too long for a WAV file: " + dataBytes + " bytes");
        }
        int blockAlign = pcm.channels() * 2;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes))
                .put(new byte[] {'W', 'A', 'V', 'E'})
                .put(new byte[] {'f', 'm', 't', ' '}).putInt(16)
                .putShort((short) FORMAT_PCM).putShort((short) pcm.channels())
                .putInt(pcm.sampleRate()).putInt(pcm.sampleRate() * blockAlign)
                .putShort((short) blockAlign).putShort((short) 16)
                .put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        OutputStream out = target instanceof BufferedOutputStream ? target : new BufferedOutputStream(target, 64 * 1024);
        out.write(header.array());
        byte[] chunk = new byte[16 * 1024];
        float[] s = pcm.samples();
        int pos = 0;
        for (float v : s) {
            int q = toPcm16(v);
            chunk[pos++] = (byte) q;
            chunk[pos++] = (byte) (q >> 8);
            if (pos == chunk.length) {
                out.write(chunk, 0, pos);
                pos = 0;
            }
        }
        out.write(chunk, 0, pos);
        out.flush();
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
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(pcm, out);
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

    public static PcmBuffer read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static PcmBuffer read(byte[] bytes) throws IOException {
        return read(new java.io.ByteArrayInputStream(bytes));
    }

    public static PcmBuffer read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(source, 64 * 1024));
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
                    return decode(in, size, format, channels, sampleRate, bits);
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

    private static PcmBuffer decode(DataInputStream in, long size, int format, int channels, int sampleRate,
                                    int bits) throws IOException {
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
        int count = (int) (size / bytesPerSample);
        count -= count % channels;
        byte[] raw = new byte[count * bytesPerSample];
        in.readFully(raw);
        float[] out = new float[count];
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            out[i] = switch (bits) {
                case 8 -> ((raw[i] & 0xFF) - 128) / 128f;
                case 16 -> b.getShort(i * 2) / 32768f;
                case 24 -> (((raw[i * 3] & 0xFF) | ((raw[i * 3 + 1] & 0xFF) << 8) | (raw[i * 3 + 2] << 16))) / 8388608f;
                default -> isFloat ? b.getFloat(i * 4) : b.getInt(i * 4) / 2147483648f;
            };
        }
        return new PcmBuffer(sampleRate, channels, out);
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
