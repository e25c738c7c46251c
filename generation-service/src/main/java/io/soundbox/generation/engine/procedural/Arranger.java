package io.soundbox.generation.engine.procedural;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a piece bar by bar in the prompt's {@link Style}: a four-chord progression (sevenths for jazz,
 * lo-fi and hip hop; ii-V-I turns for jazz) played by the style's chord instrument and comping pattern,
 * a bass line (roots, eighths, walking, drone, off-beat or 808), a melody walking the scale with chord
 * tones on strong beats, and the style's drum pattern, with swing where the style swings.
 */
final class Arranger {
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10};
    /** Scale degrees (0-based) per bar: I-V-vi-IV and I-vi-IV-V; minor: i-VI-III-VII and i-iv-VI-v. */
    private static final int[][] MAJOR_PROGRESSIONS = {{0, 4, 5, 3}, {0, 5, 3, 4}};
    private static final int[][] MINOR_PROGRESSIONS = {{0, 5, 2, 6}, {0, 3, 5, 4}};
    /** ii-V-I-vi and I-vi-ii-V: the turnarounds jazz and lo-fi live on. */
    private static final int[][] JAZZ_PROGRESSIONS = {{1, 4, 0, 5}, {0, 5, 1, 4}};

    private final Style style;
    private final SplittableRandom rng;
    private final int[] scale;
    private final int[] progression;
    private final int root;
    private final double beat;
    private final Note.Voice chordVoice;
    private final Style.Comping comping;
    private final Style.Drums drums;
    private int melodyDegree = 7;

    Arranger(PromptFeatures features, SplittableRandom rng) {
        this.style = features.style();
        this.rng = rng;
        boolean minor = features.minor();
        this.scale = minor ? MINOR_SCALE : MAJOR_SCALE;
        int[][] choices = style == Style.JAZZ || style == Style.LOFI ? JAZZ_PROGRESSIONS
                : minor ? MINOR_PROGRESSIONS : MAJOR_PROGRESSIONS;
        this.progression = choices[rng.nextInt(choices.length)];
        this.root = 48 + features.rootPitchClass();
        this.beat = 60.0 / features.tempoBpm();
        Note.Voice voice = style.chords;
        Style.Comping pattern = style.comping;
        // Instrument words swap the chord instrument (and how it is played) within the style.
        if (features.hasAny("piano", "keys") && voice != Note.Voice.PIANO && voice != Note.Voice.EPIANO) {
            voice = Note.Voice.PIANO;
            pattern = pattern == Style.Comping.HELD ? Style.Comping.BLOCK : pattern;
        } else if (features.hasAny("guitar") && voice != Note.Voice.GUITAR) {
            voice = Note.Voice.GUITAR;
            pattern = Style.Comping.STRUM;
        } else if (features.hasAny("strings", "violin", "cello") && voice != Note.Voice.STRINGS) {
            voice = Note.Voice.STRINGS;
            pattern = Style.Comping.HELD;
        }
        this.chordVoice = voice;
        this.comping = pattern;
        Style.Drums d = style.drums;
        if (!features.drums()) {
            d = Style.Drums.NONE;
        } else if (d == Style.Drums.NONE && features.drumsAsked()) {
            d = Style.Drums.BACKBEAT;
        }
        this.drums = d;
    }

    double barSeconds() {
        return 4 * beat;
    }

    Style style() {
        return style;
    }

    double beatSeconds() {
        return beat;
    }

    /** Notes starting in bar {@code bar}; call with increasing bar numbers (the melody walks on). */
    List<Note> bar(int bar) {
        List<Note> notes = new ArrayList<>();
        double t0 = bar * barSeconds();
        int chord = progression[bar % progression.length];
        int nextChord = progression[(bar + 1) % progression.length];
        chords(notes, t0, chord);
        bass(notes, t0, chord, nextChord);
        melody(notes, t0, chord);
        drums(notes, t0, bar);
        return notes;
    }

    /** Start of eighth {@code e} (0-7) of the bar, the off-beats delayed by the style's swing. */
    private double eighth(double t0, int e) {
        return t0 + e * beat / 2 + (e % 2 == 1 ? style.swing * beat / 6 : 0);
    }

    private int chordSize() {
        return style.sevenths ? 4 : 3;
    }

    private void chords(List<Note> notes, double t0, int chord) {
        double gain = switch (chordVoice) {
            case PAD -> 0.11;
            case STRINGS -> 0.085;
            case PIANO, EPIANO -> 0.12;
            case GUITAR -> 0.2;
            case SQUARE -> 0.05;
            default -> 0.09;
        };
        switch (comping) {
            case HELD -> chord(notes, t0, barSeconds() * 1.05, chord, gain, 0);
            case BLOCK -> {
                chord(notes, t0, beat * 2, chord, gain, 0);
                chord(notes, t0 + 2 * beat, beat * 2, chord, gain * 0.85, 0);
            }
            case SWUNG -> {
                chord(notes, t0, beat * 1.4, chord, gain, 0.012);
                chord(notes, eighth(t0, 3), beat * 0.9, chord, gain * 0.8, 0.012);
                if (rng.nextInt(3) == 0) {
                    chord(notes, eighth(t0, 7), beat * 0.45, chord, gain * 0.6, 0.01);
                }
            }
            case STRUM -> {
                boolean rock = style == Style.ROCK;
                int[] hits = rock ? new int[] {0, 1, 2, 3, 4, 5, 6, 7} : new int[] {0, 2, 3, 5, 6, 7};
                for (int e : hits) {
                    double length = rock ? beat * 0.45 : beat * 0.95;
                    double g = gain * (e % 2 == 0 ? 1 : 0.75);
                    if (rock) {
                        // Power chord: root, fifth, octave, low and tight.
                        for (int i = 0; i < 3; i++) {
                            int degree = chord + new int[] {0, 4, 7}[i];
                            notes.add(new Note(chordVoice, eighth(t0, e) + i * 0.006, length, pitch(degree), g,
                                    -0.3 + 0.3 * i));
                        }
                    } else {
                        chord(notes, eighth(t0, e), length, chord, g, e % 2 == 0 ? 0.009 : -0.007);
                    }
                }
            }
            case ARPEGGIO -> {
                int size = chordSize();
                for (int s = 0; s < 16; s++) {
                    int degree = chord + 2 * (s % size) + 7 * ((s / size) % 2);
                    notes.add(new Note(chordVoice, t0 + s * beat / 4, beat / 4 * 0.8, 12 + pitch(degree), gain,
                            s % 2 == 0 ? -0.25 : 0.25));
                }
            }
            case OFFBEAT_STABS -> {
                for (int e = 1; e < 8; e += 2) {
                    chord(notes, eighth(t0, e), beat * 0.4, chord, gain * 1.2, 0);
                }
            }
        }
    }

    /** One chord; {@code strum} seconds between its notes (negative strums from the top). */
    private void chord(List<Note> notes, double start, double length, int chord, double gain, double strum) {
        int size = chordSize();
        for (int i = 0; i < size; i++) {
            double offset = strum >= 0 ? i * strum : (size - 1 - i) * -strum;
            double pan = size == 1 ? 0 : -0.35 + 0.7 * i / (size - 1);
            notes.add(new Note(chordVoice, start + offset, length, 12 + pitch(chord + 2 * i), gain, pan));
        }
    }

    private void bass(List<Note> notes, double t0, int chord, int nextChord) {
        Note.Voice voice = style == Style.CHIPTUNE ? Note.Voice.LEAD
                : style == Style.PIANO_SOLO ? Note.Voice.PIANO : Note.Voice.BASS;
        double g = style == Style.CHIPTUNE ? 0.22 : 0.32;
        switch (style.bass) {
            // A drone is held, not struck: a low pad overlapping into the next bar, except for solo piano.
            case DRONE -> notes.add(voice == Note.Voice.PIANO
                    ? new Note(voice, t0, barSeconds() * 0.98, pitch(chord) - 12, g * 0.8, 0)
                    : new Note(Note.Voice.PAD, t0, barSeconds() * 1.05, pitch(chord) - 12, g * 0.5, 0));
            case ROOTS -> {
                for (int b = 0; b < 4; b++) {
                    int degree = b == 2 && rng.nextInt(3) == 0 ? chord + 4 : chord;
                    notes.add(new Note(voice, t0 + b * beat, beat * 0.85, pitch(degree) - 12, g, 0));
                }
            }
            case EIGHTHS -> {
                for (int e = 0; e < 8; e++) {
                    int degree = e == 7 && rng.nextBoolean() ? chord + 4 : chord;
                    notes.add(new Note(voice, eighth(t0, e), beat * 0.42, pitch(degree) - 12, g * 0.9, 0));
                }
            }
            case WALKING -> {
                int[] steps = {0, rng.nextBoolean() ? 1 : 2, 4, 0};
                for (int b = 0; b < 4; b++) {
                    int degree = b == 3 ? nextChord + (rng.nextBoolean() ? 1 : -1) : chord + steps[b];
                    notes.add(new Note(voice, t0 + b * beat, beat * 0.9, pitch(degree) - 12, g, 0));
                }
            }
            case OFFBEAT -> {
                for (int e = 1; e < 8; e += 2) {
                    notes.add(new Note(Note.Voice.SUB, eighth(t0, e), beat * 0.4, pitch(chord) - 12, 0.4, 0));
                }
            }
            case SYNCOPATED -> {
                notes.add(new Note(voice, t0, beat * 1.4, pitch(chord) - 12, g, 0));
                notes.add(new Note(voice, eighth(t0, 3), beat * 0.9, pitch(chord) - 12, g * 0.8, 0));
                notes.add(new Note(voice, eighth(t0, 6), beat * 0.8, pitch(chord + (rng.nextBoolean() ? 4 : 2)) - 12,
                        g * 0.8, 0));
            }
            case SUB -> {
                notes.add(new Note(Note.Voice.SUB, t0, beat * 1.4, pitch(chord) - 12, 0.45, 0));
                notes.add(new Note(Note.Voice.SUB, eighth(t0, 3), beat * 1.2, pitch(chord) - 12, 0.4, 0));
            }
        }
    }

    private void melody(List<Note> notes, double t0, int chord) {
        boolean sparse = beat > 60.0 / 90 && style.swing == 0;
        double step = sparse ? beat : beat / 2;
        int steps = (int) Math.round(barSeconds() / step);
        double gain = switch (style.lead) {
            case PIANO -> 0.15;
            case EPIANO -> 0.14;
            case BRASS -> 0.085;
            case SQUARE -> 0.06;
            case GUITAR -> 0.24;
            default -> 0.13;
        };
        int octave = style.lead == Note.Voice.SQUARE ? 24 : 12;
        for (int s = 0; s < steps; s++) {
            if (rng.nextDouble() < style.rest) {
                continue;
            }
            melodyDegree = Math.max(3, Math.min(12, melodyDegree + rng.nextInt(-2, 3)));
            boolean strong = (s * step) % beat < 1e-9;
            if (strong) {
                melodyDegree = nearestChordTone(melodyDegree, chord);
            }
            double length = step * (rng.nextInt(4) == 0 ? 2 : 1);
            double start = sparse ? t0 + s * step : eighth(t0, s);
            notes.add(new Note(style.lead, start, length * 0.9, octave + pitch(melodyDegree), gain, 0.15));
        }
    }

    private void drums(List<Note> notes, double t0, int bar) {
        switch (drums) {
            case NONE -> { }
            case BACKBEAT -> {
                for (int b = 0; b < 4; b++) {
                    double t = t0 + b * beat;
                    if (b == 0 || b == 2) {
                        hit(notes, Note.Voice.KICK, t, 0.35, 0.9);
                    }
                    if (b == 1 || b == 3) {
                        hit(notes, Note.Voice.SNARE, t, 0.25, 0.5);
                    }
                    if (b == 2 && rng.nextInt(3) == 0) {
                        hit(notes, Note.Voice.KICK, t + beat / 2, 0.35, 0.7);
                    }
                }
                hats(notes, t0, Note.Voice.HAT, 0.16, 0.11);
            }
            case FOUR -> {
                for (int b = 0; b < 4; b++) {
                    double t = t0 + b * beat;
                    hit(notes, Note.Voice.KICK, t, 0.35, 0.95);
                    if (b == 1 || b == 3) {
                        hit(notes, Note.Voice.SNARE, t, 0.2, 0.4);
                    }
                    hit(notes, Note.Voice.OPEN_HAT, t + beat / 2, 0.3, 0.1);
                }
                for (int s = 0; s < 16; s++) {
                    if (s % 4 != 2) {
                        hit(notes, Note.Voice.HAT, t0 + s * beat / 4, 0.05, s % 2 == 0 ? 0.07 : 0.045);
                    }
                }
                if (bar % 8 == 0) {
                    hit(notes, Note.Voice.CRASH, t0, 2.0, 0.12);
                }
            }
            case BOOM_BAP -> {
                hit(notes, Note.Voice.KICK, t0, 0.35, 0.85);
                hit(notes, Note.Voice.KICK, eighth(t0, 3), 0.35, 0.6);
                if (rng.nextBoolean()) {
                    hit(notes, Note.Voice.KICK, eighth(t0, 5), 0.35, 0.55);
                }
                hit(notes, Note.Voice.SNARE, t0 + beat, 0.25, 0.5);
                hit(notes, Note.Voice.SNARE, t0 + 3 * beat, 0.25, 0.5);
                for (int e = 0; e < 8; e++) {
                    hit(notes, Note.Voice.HAT, eighth(t0, e), 0.06, (e % 2 == 0 ? 0.11 : 0.07) * (0.8 + 0.4 * rng.nextDouble()));
                }
            }
            case ROCK -> {
                hit(notes, Note.Voice.KICK, t0, 0.35, 0.95);
                hit(notes, Note.Voice.KICK, t0 + 2 * beat, 0.35, 0.9);
                hit(notes, Note.Voice.KICK, t0 + 2.5 * beat, 0.35, 0.75);
                hit(notes, Note.Voice.SNARE, t0 + beat, 0.3, 0.65);
                hit(notes, Note.Voice.SNARE, t0 + 3 * beat, 0.3, 0.65);
                hats(notes, t0, Note.Voice.OPEN_HAT, 0.1, 0.07);
                if (bar % 4 == 0) {
                    hit(notes, Note.Voice.CRASH, t0, 2.0, 0.16);
                }
            }
            case JAZZ -> {
                for (int b = 0; b < 4; b++) {
                    hit(notes, Note.Voice.RIDE, t0 + b * beat, 1.0, 0.09);
                    hit(notes, Note.Voice.KICK, t0 + b * beat, 0.3, 0.18);
                    if (b == 1 || b == 3) {
                        hit(notes, Note.Voice.HAT, t0 + b * beat, 0.05, 0.07);
                        hit(notes, Note.Voice.RIDE, eighth(t0, 2 * b + 1), 0.8, 0.06);
                    }
                    if (rng.nextInt(4) == 0) {
                        hit(notes, Note.Voice.SNARE, eighth(t0, 2 * b + 1), 0.15, 0.12);
                    }
                }
            }
            case CHIP -> {
                hit(notes, Note.Voice.KICK, t0, 0.15, 0.7);
                hit(notes, Note.Voice.KICK, t0 + 2 * beat, 0.15, 0.7);
                hit(notes, Note.Voice.HAT, t0 + beat, 0.12, 0.3);
                hit(notes, Note.Voice.HAT, t0 + 3 * beat, 0.12, 0.3);
                hats(notes, t0, Note.Voice.HAT, 0.08, 0.05);
            }
            case TIMPANI -> {
                hit(notes, Note.Voice.TOM, t0, 1.2, 0.55, root - 12);
                if (bar % 4 == 3) {
                    for (int r = 0; r < 8; r++) {
                        hit(notes, Note.Voice.TOM, t0 + 3 * beat + r * beat / 8, 0.3, 0.12 + 0.04 * r, root - 12);
                    }
                }
                if (bar % 8 == 0) {
                    hit(notes, Note.Voice.CRASH, t0, 3.0, 0.12);
                }
            }
            case LIGHT -> {
                hit(notes, Note.Voice.KICK, t0, 0.3, 0.5);
                hit(notes, Note.Voice.KICK, t0 + 2 * beat, 0.3, 0.45);
                hit(notes, Note.Voice.SNARE, t0 + beat, 0.12, 0.18);
                hit(notes, Note.Voice.SNARE, t0 + 3 * beat, 0.12, 0.18);
                hats(notes, t0, Note.Voice.HAT, 0.07, 0.05);
            }
        }
    }

    private void hats(List<Note> notes, double t0, Note.Voice voice, double onBeat, double offBeat) {
        for (int e = 0; e < 8; e++) {
            hit(notes, voice, eighth(t0, e), voice == Note.Voice.OPEN_HAT ? 0.15 : 0.08, e % 2 == 0 ? onBeat : offBeat);
        }
    }

    private void hit(List<Note> notes, Note.Voice voice, double t, double length, double gain) {
        hit(notes, voice, t, length, gain, 0);
    }

    private void hit(List<Note> notes, Note.Voice voice, double t, double length, double gain, double midi) {
        double pan = switch (voice) {
            case HAT, OPEN_HAT -> 0.25;
            case RIDE -> -0.3;
            case CRASH -> -0.2;
            case SNARE -> -0.05;
            default -> 0;
        };
        notes.add(new Note(voice, t, length, midi, gain, pan));
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
