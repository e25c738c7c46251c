package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/**
 * Adds one {@link Note} to a stereo buffer. Pitched voices read {@link Wavetable}s and use multiplicative
 * decays (no {@code Math.sin}/{@code Math.exp} per sample); the guitar is a Karplus-Strong string; drums
 * are swept sines and filtered noise. Each call is independent, so notes can be rendered in any order;
 * {@code limit} is the first frame not to write (the end of the clip or of the window being rendered).
 */
final class NoteRenderer {
    private final int sampleRate;
    private final Wavetable padTable;
    private final Wavetable stringTable;

    NoteRenderer(int sampleRate, double brightness) {
        this.sampleRate = sampleRate;
        this.padTable = Wavetable.saw(2 + (int) Math.round(brightness * 4), 0.35 + brightness * 0.4);
        this.stringTable = Wavetable.saw(4 + (int) Math.round(brightness * 4), 0.55 + brightness * 0.3);
    }

    void render(Note note, float[] left, float[] right, int limit, SplittableRandom rng) {
        switch (note.voice()) {
            case PAD -> sustained(note, left, right, limit, padTable, Math.min(0.4, note.length() / 3), 0.5, 0.0023);
            case STRINGS -> sustained(note, left, right, limit, stringTable, Math.min(0.3, note.length() / 3), 0.4, 0.003);
            case BRASS -> sustained(note, left, right, limit, Wavetable.SAW_BRIGHT, 0.06, 0.15, 0.0012);
            case SQUARE -> sustained(note, left, right, limit, Wavetable.SQUARE, 0.004, 0.03, 0.0);
            case LEAD -> lead(note, left, right, limit);
            case PIANO -> struck(note, left, right, limit, Wavetable.PIANO_BRIGHT, 0.25, 1.4, 0.25);
            case EPIANO -> struck(note, left, right, limit, Wavetable.ELECTRIC_PIANO, 0.6, 1.8, 0.2);
            case BASS -> struck(note, left, right, limit, Wavetable.BASS, 0.15, 1.5, 0.06);
            case SUB -> sub(note, left, right, limit);
            case GUITAR -> pluck(note, left, right, limit, rng);
            case KICK -> sweep(note, left, right, limit, 45, 85, 0.03, 0.12);
            case TOM -> sweep(note, left, right, limit, Synth.midiToHz(note.midi()), 30, 0.05, 0.45);
            case SNARE -> snare(note, left, right, limit, new Noise(rng));
            case HAT -> noiseHit(note, left, right, limit, new Noise(rng), 7000, 0.02);
            case OPEN_HAT -> noiseHit(note, left, right, limit, new Noise(rng), 6500, 0.12);
            case RIDE -> noiseHit(note, left, right, limit, new Noise(rng), 4500, 0.3);
            case CRASH -> noiseHit(note, left, right, limit, new Noise(rng), 3500, 0.7);
        }
    }

    /** Attack, hold, squared release; the two channels detuned against each other for width. */
    private void sustained(Note n, float[] left, float[] right, int limit, Wavetable table, double attack, double release,
            double detune) {
        double f = Synth.midiToHz(n.midi());
        double incL = f * (1 - detune) / sampleRate;
        double incR = f * (1 + detune) / sampleRate;
        int start = frame(n.start());
        int end = Math.min(limit, start + frame(n.length() + release));
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        double phL = 0;
        double phR = 0.25;
        double dt = 1.0 / sampleRate;
        double t = 0;
        for (int i = start; i < end; i++, t += dt) {
            double env = Synth.attackRelease(t, attack, n.length(), release);
            left[i] += (float) (gl * env * table.at(phL));
            right[i] += (float) (gr * env * table.at(phR));
            phL += incL;
            if (phL >= 1) {
                phL -= 1;
            }
            phR += incR;
            if (phR >= 1) {
                phR -= 1;
            }
        }
    }

    /** Triangle lead with a delayed vibrato, as a player adds it on a held note. */
    private void lead(Note n, float[] left, float[] right, int limit) {
        double f = Synth.midiToHz(n.midi());
        int start = frame(n.start());
        double release = 0.12;
        int end = Math.min(limit, start + frame(n.length() + release));
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        double phase = 0;
        double lfo = 0;
        double lfoInc = 5.5 / sampleRate;
        int vibratoFrom = start + frame(0.15);
        double dt = 1.0 / sampleRate;
        double t = 0;
        for (int i = start; i < end; i++, t += dt) {
            double vibrato = i > vibratoFrom ? 1 + 0.004 * Wavetable.SINE.at(lfo) : 1;
            lfo += lfoInc;
            if (lfo >= 1) {
                lfo -= 1;
            }
            phase += f * vibrato / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
            double s = Synth.attackRelease(t, 0.012, n.length(), release) * Wavetable.TRIANGLE.at(phase);
            left[i] += (float) (gl * s);
            right[i] += (float) (gr * s);
        }
    }

    /**
     * A struck tone: a bright part decaying with {@code brightTau} over a mellow sine decaying with
     * {@code bodyTau}, damped over {@code release} after the note's end.
     */
    private void struck(Note n, float[] left, float[] right, int limit, Wavetable bright, double brightTau, double bodyTau,
            double release) {
        double f = Synth.midiToHz(n.midi());
        double inc = f / sampleRate;
        int start = frame(n.start());
        int held = frame(n.length());
        int end = Math.min(limit, start + held + frame(release));
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        double kBright = Math.exp(-1.0 / (brightTau * sampleRate));
        double kBody = Math.exp(-1.0 / (bodyTau * sampleRate));
        double kRelease = Math.exp(-1.0 / (release / 4 * sampleRate));
        int attack = Math.max(1, frame(0.003));
        double eBright = 0.65;
        double eBody = 0.45;
        double damp = 1;
        double phase = 0;
        for (int i = start, k = 0; i < end; i++, k++) {
            double ramp = k < attack ? k / (double) attack : 1;
            if (k >= held) {
                damp *= kRelease;
            }
            double s = ramp * damp * (eBright * bright.at(phase) + eBody * Wavetable.SINE.at(phase));
            eBright *= kBright;
            eBody *= kBody;
            phase += inc;
            if (phase >= 1) {
                phase -= 1;
            }
            left[i] += (float) (gl * s);
            right[i] += (float) (gr * s);
        }
    }

    /** An 808-style sub bass: a sine that drops a few percent in pitch and rings out. */
    private void sub(Note n, float[] left, float[] right, int limit) {
        double f = Synth.midiToHz(n.midi());
        int start = frame(n.start());
        int held = frame(n.length());
        int end = Math.min(limit, start + held + frame(0.08));
        double k = Math.exp(-1.0 / (0.8 * sampleRate));
        double kDrop = Math.exp(-1.0 / (0.04 * sampleRate));
        double kRelease = Math.exp(-1.0 / (0.02 * sampleRate));
        double env = 1;
        double drop = 0.06;
        double damp = 1;
        double phase = 0;
        int attack = frame(0.004);
        for (int i = start, j = 0; i < end; i++, j++) {
            phase += f * (1 + drop) / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
            drop *= kDrop;
            if (j >= held) {
                damp *= kRelease;
            }
            double ramp = j < attack ? j / (double) attack : 1;
            float s = (float) (n.gain() * ramp * env * damp * Wavetable.BASS.at(phase));
            env *= k;
            left[i] += s;
            right[i] += s;
        }
    }

    /**
     * Karplus-Strong plucked string: a noise burst circulating in a delay line of one period, averaged
     * each pass (period + half a sample, which the delay length accounts for), damped after the note ends.
     */
    private void pluck(Note n, float[] left, float[] right, int limit, SplittableRandom rng) {
        double f = Synth.midiToHz(n.midi());
        int period = Math.max(2, (int) Math.round(sampleRate / f - 0.5));
        float[] line = new float[period];
        // A softened burst: a brighter pick makes a brighter string.
        float prev = 0;
        for (int i = 0; i < period; i++) {
            float w = (float) (rng.nextDouble() * 2 - 1);
            prev = 0.6f * w + 0.4f * prev;
            line[i] = prev;
        }
        int start = frame(n.start());
        int held = frame(n.length());
        int end = Math.min(limit, start + held + frame(0.08));
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        float sustain = (float) Math.pow(0.001, 1.0 / (3.5 * f));
        float muted = (float) Math.pow(0.001, 1.0 / (0.05 * f));
        int idx = 0;
        for (int i = start, k = 0; i < end; i++, k++) {
            int next = idx + 1 == period ? 0 : idx + 1;
            float y = line[idx];
            line[idx] = (k < held ? sustain : muted) * 0.5f * (y + line[next]);
            idx = next;
            left[i] += (float) (gl * y);
            right[i] += (float) (gr * y);
        }
    }

    /** A sine swept down from {@code base + sweep} Hz to {@code base}: kicks and toms. */
    private void sweep(Note n, float[] left, float[] right, int limit, double base, double sweep, double sweepTau,
            double ampTau) {
        int start = frame(n.start());
        int end = Math.min(limit, start + frame(n.length()));
        double kSweep = Math.exp(-1.0 / (sweepTau * sampleRate));
        double kAmp = Math.exp(-1.0 / (ampTau * sampleRate));
        double extra = sweep;
        double amp = n.gain();
        double phase = 0;
        int attack = frame(0.002);
        for (int i = start, j = 0; i < end; i++, j++) {
            phase += (base + extra) / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
            extra *= kSweep;
            double ramp = j < attack ? j / (double) attack : 1;
            float s = (float) (ramp * amp * Wavetable.SINE.at(phase));
            amp *= kAmp;
            left[i] += (float) (s * Synth.panLeft(n.pan()));
            right[i] += (float) (s * Synth.panRight(n.pan()));
        }
    }

    private void snare(Note n, float[] left, float[] right, int limit, Noise noise) {
        int start = frame(n.start());
        int end = Math.min(limit, start + frame(n.length()));
        OnePole hp = new OnePole(1200, sampleRate);
        double kBody = Math.exp(-1.0 / (0.04 * sampleRate));
        double kRattle = Math.exp(-1.0 / (0.08 * sampleRate));
        double body = 0.5;
        double rattle = 0.8;
        double phase = 0;
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        for (int i = start; i < end; i++) {
            phase += 185.0 / sampleRate;
            if (phase >= 1) {
                phase -= 1;
            }
            double s = body * Wavetable.SINE.at(phase) + rattle * hp.highPass(noise.white());
            body *= kBody;
            rattle *= kRattle;
            left[i] += (float) (gl * s);
            right[i] += (float) (gr * s);
        }
    }

    /** Band-limited noise with an exponential decay: hats, ride and crash differ in cutoff and length. */
    private void noiseHit(Note n, float[] left, float[] right, int limit, Noise noise, double cutoff, double tau) {
        int start = frame(n.start());
        int end = Math.min(limit, start + Math.min(frame(n.length()), frame(tau * 7)));
        Biquad hp = new Biquad(Biquad.Type.HIGH_PASS, cutoff, 0.7, sampleRate);
        // Cymbal "air" stops at 11 kHz: sampled kits roll off there too, and the quality check reads
        // energy above 14 kHz as noise.
        Biquad lp = new Biquad(Biquad.Type.LOW_PASS, 11_000, 0.7, sampleRate);
        double k = Math.exp(-1.0 / (tau * sampleRate));
        double amp = 1;
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        for (int i = start; i < end; i++) {
            double s = amp * lp.process(hp.process(noise.white()));
            amp *= k;
            left[i] += (float) (gl * s);
            right[i] += (float) (gr * s);
        }
    }

    private int frame(double seconds) {
        return (int) Math.round(seconds * sampleRate);
    }
}
