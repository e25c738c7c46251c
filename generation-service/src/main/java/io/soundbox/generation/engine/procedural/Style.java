package io.soundbox.generation.engine.procedural;

import java.util.List;

/**
 * A genre as the arranger plays it: tempo, swing, harmony, which instruments take the chords, the
 * melody and the bass, the drum pattern, and the finishing touches. Chosen from prompt words, first
 * match wins ({@link #matching}); instrument words ("piano", "guitar", "strings", "synth") then swap the
 * chord instrument.
 */
enum Style {
    LOFI(80, 0.55, true, Note.Voice.EPIANO, Comping.SWUNG, Note.Voice.PIANO, 0.45, Bass.SYNCOPATED, Drums.BOOM_BAP,
            List.of("lofi", "lo fi", "chillhop", "study", "cafe", "vinyl")),
    AMBIENT(66, 0, false, Note.Voice.PAD, Comping.HELD, Note.Voice.PIANO, 0.7, Bass.DRONE, Drums.NONE,
            List.of("ambient", "drone", "meditat", "sleep", "space", "atmospher", "ethereal", "dreamy")),
    CHIPTUNE(148, 0, false, Note.Voice.SQUARE, Comping.ARPEGGIO, Note.Voice.SQUARE, 0.15, Bass.EIGHTHS, Drums.CHIP,
            List.of("chiptune", "chip", "8 bit", "8bit", "arcade", "retro game", "nes", "gameboy", "pixel")),
    ORCHESTRAL(92, 0, false, Note.Voice.STRINGS, Comping.HELD, Note.Voice.BRASS, 0.35, Bass.ROOTS, Drums.TIMPANI,
            List.of("orchestra", "cinematic", "epic", "trailer", "film", "symphon", "heroic", "strings")),
    JAZZ(124, 0.6, true, Note.Voice.PIANO, Comping.SWUNG, Note.Voice.EPIANO, 0.3, Bass.WALKING, Drums.JAZZ,
            List.of("jazz", "swing", "bebop", "bossa", "lounge", "smooth", "blues")),
    EDM(128, 0, false, Note.Voice.PAD, Comping.OFFBEAT_STABS, Note.Voice.SQUARE, 0.25, Bass.OFFBEAT, Drums.FOUR,
            List.of("edm", "house", "techno", "trance", "dance", "club", "rave", "electro", "dubstep", "disco")),
    ROCK(132, 0, false, Note.Voice.GUITAR, Comping.STRUM, Note.Voice.BRASS, 0.35, Bass.EIGHTHS, Drums.ROCK,
            List.of("rock", "metal", "punk", "grunge", "indie", "guitar riff")),
    HIPHOP(90, 0.4, true, Note.Voice.EPIANO, Comping.SWUNG, Note.Voice.GUITAR, 0.5, Bass.SUB, Drums.BOOM_BAP,
            List.of("hip hop", "hiphop", "rap", "trap", "boom bap", "beat")),
    ACOUSTIC(100, 0, false, Note.Voice.GUITAR, Comping.STRUM, Note.Voice.GUITAR, 0.4, Bass.ROOTS, Drums.LIGHT,
            List.of("acoustic", "folk", "guitar", "country", "campfire")),
    PIANO_SOLO(84, 0, false, Note.Voice.PIANO, Comping.BLOCK, Note.Voice.PIANO, 0.35, Bass.DRONE, Drums.NONE,
            List.of("piano", "classical", "ballad", "sonata")),
    POP(104, 0, false, Note.Voice.PAD, Comping.HELD, Note.Voice.LEAD, 0.3, Bass.ROOTS, Drums.BACKBEAT, List.of());

    enum Comping { HELD, SWUNG, STRUM, ARPEGGIO, OFFBEAT_STABS, BLOCK }

    enum Bass { ROOTS, EIGHTHS, WALKING, DRONE, OFFBEAT, SYNCOPATED, SUB }

    enum Drums { NONE, BACKBEAT, FOUR, BOOM_BAP, ROCK, JAZZ, CHIP, TIMPANI, LIGHT }

    final double tempo;
    /** 0 straight, 1 full triplet swing of the off-beat eighths. */
    final double swing;
    /** Chords as sevenths instead of triads. */
    final boolean sevenths;
    final Note.Voice chords;
    final Comping comping;
    final Note.Voice lead;
    /** Chance a melody step rests. */
    final double rest;
    final Bass bass;
    final Drums drums;
    final List<String> words;

    Style(double tempo, double swing, boolean sevenths, Note.Voice chords, Comping comping, Note.Voice lead,
            double rest, Bass bass, Drums drums, List<String> words) {
        this.tempo = tempo;
        this.swing = swing;
        this.sevenths = sevenths;
        this.chords = chords;
        this.comping = comping;
        this.lead = lead;
        this.rest = rest;
        this.bass = bass;
        this.drums = drums;
        this.words = words;
    }

    static Style matching(PromptFeatures prompt) {
        for (Style s : values()) {
            if (!s.words.isEmpty() && prompt.hasAny(s.words)) {
                return s;
            }
        }
        return POP;
    }
}
