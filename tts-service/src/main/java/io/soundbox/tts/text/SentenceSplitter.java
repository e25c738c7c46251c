package io.soundbox.tts.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalized text into sentences at {@code . ! ?} (runs of them too) followed by a space or the
 * end, and into clauses at {@code , ; :} as well. Used where espeak-ng cannot report its own clause
 * boundaries (the Debian command-line fallback).
 */
public final class SentenceSplitter {

    /** A clause and the punctuation that ended it ({@code 0} when the text simply ended). */
    public record Clause(String text, char terminator, boolean endsSentence) {
    }

    public List<Clause> clauses(String text) {
        List<Clause> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean boundary = isTerminator(c) && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))
                    || isTerminator(text.charAt(i + 1)));
            if (!boundary) {
                current.append(c);
                continue;
            }
            // Take the whole run ("?!", "...") and keep its last sentence mark, else its first mark.
            int j = i;
            while (j + 1 < n && isTerminator(text.charAt(j + 1))) {
                j++;
            }
            char mark = pickMark(text.substring(i, j + 1));
            add(out, current, mark);
            i = j;
        }
        add(out, current, (char) 0);
        return out;
    }

    public List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder sentence = new StringBuilder();
        for (Clause c : clauses(text)) {
            if (!sentence.isEmpty()) {
                sentence.append(' ');
            }
            sentence.append(c.text());
            if (c.terminator() != 0) {
                sentence.append(c.terminator());
            }
            if (c.endsSentence()) {
                out.add(sentence.toString());
                sentence.setLength(0);
            }
        }
        if (!sentence.isEmpty()) {
            out.add(sentence.toString());
        }
        return out;
    }

    private static void add(List<Clause> out, StringBuilder current, char mark) {
        String t = current.toString().strip();
        current.setLength(0);
        if (t.isEmpty()) {
            return;
        }
        boolean sentenceEnd = mark == 0 || mark == '.' || mark == '!' || mark == '?';
        out.add(new Clause(t, mark, sentenceEnd));
    }

    private static char pickMark(String run) {
        for (int k = run.length() - 1; k >= 0; k--) {
            char c = run.charAt(k);
            if (c == '?' || c == '!' || c == '.') {
                return c;
            }
        }
        return run.charAt(0);
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':';
    }
}
