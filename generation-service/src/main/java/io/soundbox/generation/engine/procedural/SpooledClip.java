package io.soundbox.generation.engine.procedural;

import io.soundbox.audio.PcmSpool;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Collects a procedural engine's output window by window into a {@link PcmSpool} and masters it there
 * (the loop crossfade, the soft limiter with the whole clip's peak, edge fades), so memory is one window
 * and the loop's half second, whatever the duration. The frames past the end of a loop are kept aside
 * and crossfaded into the head at the end, exactly as {@link Mastering} does on whole arrays.
 */
final class SpooledClip {
    private final PcmSpool spool;
    private final int channels;
    private final int frames;
    private final int fade;
    private final float[][] head;
    private final float[][] tail;
    private final int sampleRate;
    private float[] interleaved = new float[0];
    private long written;
    private double bodyPeak;

    /**
     * @param frames the clip's length
     * @param fade   loop crossfade frames rendered past the end (0: a one-shot clip)
     */
    SpooledClip(PcmSpool spool, int frames, int fade) {
        this.spool = spool;
        this.channels = spool.channels();
        this.sampleRate = spool.sampleRate();
        this.frames = frames;
        this.fade = fade;
        this.head = new float[channels][fade];
        this.tail = new float[channels][fade];
    }

    /** Adds the next {@code n} frames, channel by channel from index 0 ({@code right} is ignored for mono). */
    void add(float[] left, float[] right, int n) {
        float[][] ch = channels == 1 ? new float[][] {left} : new float[][] {left, right};
        int body = (int) Math.max(0, Math.min(n, frames - written));
        if (interleaved.length < body * channels) {
            interleaved = new float[body * channels];
        }
        for (int i = 0; i < body; i++) {
            long g = written + i;
            for (int c = 0; c < channels; c++) {
                float v = ch[c][i];
                interleaved[i * channels + c] = v;
                if (g < fade) {
                    head[c][(int) g] = v;
                } else {
                    bodyPeak = Math.max(bodyPeak, Math.abs(v));
                }
            }
        }
        spool.append(interleaved, 0, body);
        for (int i = body; i < n; i++) {
            long t = written + i - frames;
            if (t < fade) {
                for (int c = 0; c < channels; c++) {
                    tail[c][(int) t] = ch[c][i];
                }
            }
        }
        written += n;
    }

    /** Crossfades, limits and fades the spooled clip in place; returns the spool, now the finished clip. */
    PcmSpool finish() {
        if (spool.frames() != frames) {
            throw new IllegalStateException("rendered " + spool.frames() + " of " + frames + " frames");
        }
        double peak = bodyPeak;
        if (fade > 0) {
            float[] mixed = new float[fade * channels];
            for (int c = 0; c < channels; c++) {
                crossfade(c);
                for (int i = 0; i < fade; i++) {
                    mixed[i * channels + c] = head[c][i];
                    peak = Math.max(peak, Math.abs(head[c][i]));
                }
            }
            spool.write(0, mixed, 0, fade);
        }
        double gain = Mastering.DRIVE / peak;
        double norm = Mastering.CEILING / Mastering.softClip(Mastering.DRIVE);
        int edge = fade == 0 ? Math.min(sampleRate / 200, frames / 2) : 0;
        boolean limit = peak >= 1e-9;
        try {
            spool.transform((s, off, n, first) -> {
                for (int i = 0; i < n; i++) {
                    long g = first + i;
                    float w = 1f;
                    if (g < edge) {
                        w *= g / (float) edge;
                    }
                    if (g >= frames - edge) {
                        w *= (frames - 1 - g) / (float) edge;
                    }
                    for (int c = 0; c < channels; c++) {
                        int k = off + i * channels + c;
                        float v = limit ? (float) (norm * Mastering.softClip(s[k] * gain)) : s[k];
                        s[k] = edge > 0 ? v * w : v;
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spool;
    }

    /** The tail crossfaded into the head of one channel, as {@link Mastering#crossfadeTailIntoHead} does it. */
    private void crossfade(int c) {
        float[] both = new float[fade * 2];
        System.arraycopy(head[c], 0, both, 0, fade);
        System.arraycopy(tail[c], 0, both, fade, fade);
        Mastering.crossfadeTailIntoHead(both, fade, fade);
        System.arraycopy(both, 0, head[c], 0, fade);
    }
}
