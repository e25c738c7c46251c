package io.soundbox.tts.text;

import java.text.Normalizer;

/**
 * Cleans request text before phonemization: canonical composition (NFC), typographic quotes and dashes
 * to their ASCII forms, control characters and emoji/pictographs removed, whitespace collapsed. The
 * result is what gets spoken; {@link #hasSpeakableContent} says whether anything is left to say.
 */
public final class TextNormalizer {

    public String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int mapped = map(cp);
            if (mapped < 0) {
                continue;
            }
            if (Character.isWhitespace(mapped) || Character.isSpaceChar(mapped)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.appendCodePoint(mapped);
        }
        return out.toString();
    }

    /** True when the text has at least one letter or digit: punctuation, symbols and emoji alone are not speech. */
    public static boolean hasSpeakableContent(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The replacement code point, a space for separators, or -1 to drop it. */
    private static int map(int cp) {
        switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u2032':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u2033', '\u00AB', '\u00BB':
                return '"';
            case '\u2013', '\u2014', '\u2212':
                return '-';
            case '\u2026':
                return '.';
            case '\u00A0', '\u2007', '\u202F':
                return ' ';
            case '\u200D', '\uFE0F', '\uFE0E', '\u200B', '\u2060', '\uFEFF':
                return -1;
            default:
                break;
        }
        if (Character.isWhitespace(cp)) {
            return ' ';
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
            return -1;
        }
        // Emoji and pictographs are "other symbols"; their modifiers (skin tones) are too.
        if (type == Character.OTHER_SYMBOL || (cp >= 0x1F000 && cp <= 0x1FAFF)) {
            return -1;
        }
        return cp;
    }
}
