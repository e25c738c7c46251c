package io.soundbox.generation.engine.procedural;

/**
 * One sound in a music arrangement.
 *
 * @param start  seconds from the start of the piece
 * @param length seconds the note is held (a release may ring on after it)
 * @param midi   pitch as a MIDI note number (ignored by unpitched drums)
 * @param pan    -1 (left) to 1 (right)
 */
record Note(Voice voice, double start, double length, double midi, double gain, double pan) {

    enum Voice {
        PAD, STRINGS, BRASS, PIANO, EPIANO, GUITAR, SQUARE, LEAD, BASS, SUB,
        KICK, SNARE, HAT, OPEN_HAT, RIDE, CRASH, TOM
    }
}
