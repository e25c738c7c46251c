package io.soundbox.audio.spectrogram;

import io.soundbox.audio.PcmBuffer;
import io.soundbox.audio.PcmSource;
import io.soundbox.audio.dsp.MelFilterBank;
import io.soundbox.audio.dsp.Stft;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Renders a mel spectrogram as a PNG like the original's: 128 mel bands up to 8 kHz, decibels relative
 * to the loudest cell over an 80 dB range, magma colours (silence is near-black), 1000x300 pixels
 * (10x3 in at 100 dpi), low frequencies at the bottom. Pixels are written straight into a
 * {@link BufferedImage}, so no fonts or display are needed (headless servers). Thread-safe.
 *
 * @param width   pixels, one STFT column each
 * @param height  pixels, mel bands stretched to fit
 * @param melBands number of mel bands
 * @param maxHz   top of the mel range
 * @param rangeDb dynamic range shown; quieter cells are black
 */
public record SpectrogramRenderer(int width, int height, int melBands, double maxHz, double rangeDb) {
    public static final SpectrogramRenderer DEFAULT = new SpectrogramRenderer(1000, 300, 128, 8000, 80);
    private static final int FFT_SIZE = 2048;
    private static final double POWER_FLOOR = 1e-12;

    static {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
    }

    public SpectrogramRenderer {
        if (width < 1 || height < 1 || melBands < 1 || maxHz <= 0 || rangeDb <= 0) {
            throw new IllegalArgumentException("bad spectrogram geometry");
        }
    }

    /** Mel power in dB below the loudest cell, {@code [column][band]}, each in [-rangeDb, 0]. */
    public float[][] melDb(PcmBuffer pcm) {
        try {
            return melDb(PcmSource.of(pcm));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same from one streaming pass: each column needs only the FFT frame at its position, taken
     * from a sliding window of the mono mix, so memory is the image's cells whatever the clip's length.
     */
    public float[][] melDb(PcmSource pcm) throws IOException {
        Stft stft = new Stft(FFT_SIZE, FFT_SIZE / 4);
        MelFilterBank mel = new MelFilterBank(melBands, FFT_SIZE, pcm.sampleRate(), 0, maxHz);
        float[][] db = new float[width][];
        long length = pcm.frames();
        long span = Math.max(0, length - FFT_SIZE);
        float[] ring = new float[FFT_SIZE];
        float[] frame = new float[FFT_SIZE];
        long[] seen = {0};
        int[] column = {0};
        int ch = pcm.channels();
        pcm.forEachChunk(PcmSource.CHUNK_FRAMES, (s, off, n, first) -> {
            for (int f = 0; f < n; f++) {
                int k = off + f * ch;
                ring[(int) (seen[0] % FFT_SIZE)] = ch == 1 ? s[k] : (s[k] + s[k + 1]) * 0.5f;
                seen[0]++;
                while (column[0] < width && startOf(column[0], span) + FFT_SIZE == seen[0]) {
                    db[column[0]] = mel.apply(stft.frame(window(ring, frame, startOf(column[0], span), seen[0]), 0));
                    column[0]++;
                }
            }
        });
        // Clips shorter than one FFT frame: every column is the zero-padded whole clip.
        while (column[0] < width) {
            db[column[0]] = mel.apply(stft.frame(window(ring, frame, startOf(column[0], span), seen[0]), 0));
            column[0]++;
        }
        double max = POWER_FLOOR;
        for (float[] bands : db) {
            for (float b : bands) {
                max = Math.max(max, b);
            }
        }
        for (float[] bands : db) {
            for (int b = 0; b < bands.length; b++) {
                double v = 10 * Math.log10(Math.max(POWER_FLOOR, bands[b]) / max);
                bands[b] = (float) Math.max(-rangeDb, v);
            }
        }
        return db;
    }

    private long startOf(int x, long span) {
        return width == 1 ? 0 : span * x / (width - 1);
    }

    private static float[] window(float[] ring, float[] frame, long start, long seen) {
        for (int i = 0; i < FFT_SIZE; i++) {
            long j = start + i;
            frame[i] = j < seen ? ring[(int) (j % FFT_SIZE)] : 0f;
        }
        return frame;
    }

    public BufferedImage render(PcmSource pcm) throws IOException {
        return image(melDb(pcm));
    }

    public BufferedImage render(PcmBuffer pcm) {
        return image(melDb(pcm));
    }

    private BufferedImage image(float[][] db) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            int band = Math.min(melBands - 1, (int) ((long) (height - 1 - y) * melBands / height));
            for (int x = 0; x < width; x++) {
                row[x] = MagmaColourMap.rgb(1 + db[x][band] / rangeDb);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    public byte[] renderPng(PcmBuffer pcm) {
        return png(render(pcm));
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the PNG through a temporary file and an atomic move, so readers never see half a file. */
    public void writePngAtomically(PcmBuffer pcm, Path target) throws IOException {
        writePngAtomically(PcmSource.of(pcm), target);
    }

    /** {@link #writePngAtomically(PcmBuffer, Path)} for a source of any length (one streaming pass). */
    public void writePngAtomically(PcmSource pcm, Path target) throws IOException {
        byte[] png = png(render(pcm));
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, png);
            io.soundbox.audio.WavCodec.shareReadOnly(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
