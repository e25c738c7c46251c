package io.soundbox.generation.engine.procedural;

import java.util.SplittableRandom;

/** Adds one {@link Note} to a stereo buffer: soft additive pads, sine bass, triangle lead, synthetic drums. */
final class NoteRenderer {
    private final int sampleRate;
    private final double brightness;

    NoteRenderer(int sampleRate, double brightness) {
        this.sampleRate = sampleRate;
        this.brightness = brightness;
    }

    void render(Note note, float[] left, float[] right, SplittableRandom rng) {
        switch (note.voice()) {
            case PAD -> pad(note, left, right);
            case BASS -> tone(note, left, right, 0.005, 0.06, false);
            case LEAD -> tone(note, left, right, 0.012, 0.12, true);
            case KICK -> kick(note, left, right);
            case SNARE -> snare(note, left, right, new Noise(rng));
            case HAT -> hat(note, left, right, new Noise(rng));
        }
    }

    private void pad(Note n, float[] left, float[] right) {
        double f = Synth.midiToHz(n.midi());
        double attack = Math.min(0.4, n.length() / 3);
        double release = 0.5;
        int harmonics = 2 + (int) Math.round(brightness * 4);
        double tilt = 0.35 + brightness * 0.4;
        // Left and right voices are detuned by about 4 cents against each other: a cheap chorus.
        double fl = f * 0.9977;
        double fr = f * 1.0023;
        int start = frame(n.start());
        int end = Math.min(left.length, start + frame(n.length() + release));
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        for (int i = start; i < end; i++) {
            double t = (i - start) / (double) sampleRate;
            double env = Synth.attackRelease(t, attack, n.length(), release);
            left[i] += (float) (gl * env * Synth.softSaw(Synth.TWO_PI * fl * t, harmonics, tilt));
            right[i] += (float) (gr * env * Synth.softSaw(Synth.TWO_PI * fr * t, harmonics, tilt));
        }
    }

    private void tone(Note n, float[] left, float[] right, double attack, double release, boolean lead) {
        double f = Synth.midiToHz(n.midi());
        int start = frame(n.start());
        int end = Math.min(left.length, start + frame(n.length() + release));
        double gl = n.gain() * Synth.panLeft(n.pan());
        double gr = n.gain() * Synth.panRight(n.pan());
        double phase = 0;
        for (int i = start; i < end; i++) {
            double t = (i - start) / (double) sampleRate;
            double env = Synth.attackRelease(t, attack, n.length(), release);
            double s;
            if (lead) {
                // Delayed vibrato, as a player would add it on a held note.
                double vibrato = t > 0.15 ? 1 + 0.004 * Math.sin(Synth.TWO_PI * 5.5 * t) : 1;
                phase += Synth.TWO_PI * f * vibrato / sampleRate;
                s = Synth.triangle(phase) * (0.75 + 0.25 * Math.exp(-t / 0.2));
            } else {
                phase += Synth.TWO_PI * f / sampleRate;
                s = (Math.sin(phase) + 0.3 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase))
                        * (0.6 + 0.4 * Math.exp(-t / 0.15));
            }
            left[i] += (float) (gl * env * s);
            right[i] += (float) (gr * env * s);
        }
    }

    private void kick(Note n, float[] left, float[] right) {
        int start = frame(n.start());
        int end = Math.min(left.length, start + frame(n.length()));
        double phase = 0;
        for (int i = start; i < end; i++) {
            double t = (i - start) / (double) sampleRate;
            double f = 45 + 85 * Math.exp(-t / 0.03);
            phase += Synth.TWO_PI * f / sampleRate;
            float s = (float) (n.gain() * Math.sin(phase) * Synth.percussive(t, 0.002, 0.12));
            left[i] += s;
            right[i] += s;
        }
    }

    private void snare(Note n, float[] left, float[] right, Noise noise) {
        int start = frame(n.start());
        int end = Math.min(left.length, start + frame(n.length()));
        OnePole hp = new OnePole(1200, sampleRate);
        for (int i = start; i < end; i++) {
            double t = (i - start) / (double) sampleRate;
            double body = Math.sin(Synth.TWO_PI * 185 * t) * Synth.percussive(t, 0.001, 0.04);
            double rattle = hp.highPass(noise.white()) * Synth.percussive(t, 0.001, 0.08);
            double s = n.gain() * (0.5 * body + 0.8 * rattle);
            left[i] += (float) (s * Synth.panLeft(n.pan()));
            right[i] += (float) (s * Synth.panRight(n.pan()));
        }
    }

    private void hat(Note n, float[] left, float[] right, Noise noise) {
        int start = frame(n.start());
        int end = Math.min(left.length, start + frame(n.length()));
        Biquad hp = new Biquad(Biquad.Type.HIGH_PASS, 7000, 0.7, sampleRate);
        for (int i = start; i < end; i++) {
            double t = (i - start) / (double) sampleRate;
            double s = n.gain() * hp.process(noise.white()) * Synth.percussive(t, 0.0005, 0.02);
            left[i] += (float) (s * Synth.panLeft(n.pan()));
            right[i] += (float) (s * Synth.panRight(n.pan()));
        }
    }

    private int frame(double seconds) {
        return (int) Math.round(seconds * sampleRate);
    }
}
