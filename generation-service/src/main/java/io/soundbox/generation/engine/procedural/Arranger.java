package io.soundbox.generation.engine.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a short piece as notes, bar by bar: a four-chord progression as soft pads, a bass line on the
 * chord roots, a melody walking the scale (chord tones on strong beats) and a drum pattern.
 */
final class Arranger {
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};
    /** Scale degrees (0-based) per bar: I-V-vi-IV and I-vi-IV-V; minor: i-VI-III-VII and i-iv-VI-v. */
    private static final int[][] MAJOR_PROGRESSIONS = {{0, 4, 5, 3}, {0, 5, 3, 4}};
    private static final int[][] MINOR_PROGRESSIONS = {{0, 5, 2, 6}, {0, 3, 5, 4}};

    private final PromptFeatures features;
    private final SplittableRandom rng;
    private final int[] scale;
    private final int[] progression;
    private final int root;
    private final double beat;
    private int melodyDegree = 7;

    Arranger(PromptFeatures features, SplittableRandom rng) {
        this.features = features;
        this.rng = rng;
        boolean minor = features.minor();
        this.scale = minor ? MINOR_SCALE : MAJOR_SCALE;
        int[][] choices = minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS;
        this.progression = choices[rng.nextInt(choices.length)];
        this.root = 48 + features.rootPitchClass();
        this.beat = 60.0 / features.tempoBpm();
    }

    double barSeconds() {
        return 4 * beat;
    }

    /** Notes starting in bar {@code bar}; call with increasing bar numbers (the melody walks on). */
    List<Note> bar(int bar) {
        List<Note> notes = new ArrayList<>();
        double t0 = bar * barSeconds();
        int chord = progression[bar % progression.length];
        pads(notes, t0, chord);
        bass(notes, t0, chord);
        melody(notes, t0, chord);
        if (features.drums()) {
            drums(notes, t0);
        }
        return notes;
    }

    private void pads(List<Note> notes, double t0, int chord) {
        double[] pans = {-0.35, 0.0, 0.35};
        for (int i = 0; i < 3; i++) {
            // Held a little past the bar line so chord changes overlap instead of gapping.
            notes.add(new Note(Note.Voice.PAD, t0, barSeconds() * 1.05, 12 + pitch(chord + 2 * i), 0.11, pans[i]));
        }
    }

    private void bass(List<Note> notes, double t0, int chord) {
        if (features.tempoBpm() < 90 && !features.drums()) {
            notes.add(new Note(Note.Voice.BASS, t0, barSeconds() * 0.95, pitch(chord) - 12, 0.30, 0));
            return;
        }
        for (int b = 0; b < 4; b++) {
            int degree = b == 2 && rng.nextInt(3) == 0 ? chord + 4 : chord;
            notes.add(new Note(Note.Voice.BASS, t0 + b * beat, beat * 0.85, pitch(degree) - 12, 0.32, 0));
        }
    }

    private void melody(List<Note> notes, double t0, int chord) {
        boolean sparse = features.tempoBpm() < 90;
        double step = sparse ? beat : beat / 2;
        int steps = (int) Math.round(barSeconds() / step);
        for (int s = 0; s < steps; s++) {
            if (rng.nextDouble() < (sparse ? 0.45 : 0.3)) {
                continue;
            }
            melodyDegree = Math.max(3, Math.min(12, melodyDegree + rng.nextInt(-2, 3)));
            boolean strong = (s * step) % beat < 1e-9;
            if (strong) {
                melodyDegree = nearestChordTone(melodyDegree, chord);
            }
            double length = step * (rng.nextInt(4) == 0 ? 2 : 1);
            notes.add(new Note(Note.Voice.LEAD, t0 + s * step, length * 0.9, 12 + pitch(melodyDegree), 0.13, 0.15));
        }
    }

    private void drums(List<Note> notes, double t0) {
        boolean four = features.fourOnTheFloor();
        for (int b = 0; b < 4; b++) {
            double t = t0 + b * beat;
            if (four || b == 0 || b == 2) {
                notes.add(new Note(Note.Voice.KICK, t, 0.35, 0, 0.9, 0));
            }
            if (b == 1 || b == 3) {
                notes.add(new Note(Note.Voice.SNARE, t, 0.25, 0, 0.5, -0.05));
            }
            if (!four && b == 2 && rng.nextInt(3) == 0) {
                notes.add(new Note(Note.Voice.KICK, t + beat / 2, 0.35, 0, 0.7, 0));
            }
            for (int h = 0; h < 2; h++) {
                notes.add(new Note(Note.Voice.HAT, t + h * beat / 2, 0.08, 0, h == 0 ? 0.16 : 0.11, 0.25));
            }
        }
    }

    /** MIDI pitch of a scale degree (may exceed one octave) relative to the key's root. */
    private double pitch(int degree) {
        int octave = Math.floorDiv(degree, 7);
        return root + 12 * octave + scale[Math.floorMod(degree, 7)];
    }

    private static int nearestChordTone(int degree, int chord) {
        for (int d = 0; d < 4; d++) {
            for (int candidate : new int[] {degree - d, degree + d}) {
                if (Math.floorMod(candidate - chord, 7) % 2 == 0 && Math.floorMod(candidate - chord, 7) <= 4) {
                    return candidate;
                }
            }
        }
        return degree;
    }
}
