package io.soundbox.library.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns whatever a user typed into a safe SQLite FTS5 MATCH expression.
 *
 * <p>FTS5 has a query language of its own (quotes, {@code *}, {@code ^}, {@code :}, parentheses,
 * {@code AND OR NOT NEAR}, column filters); handing it raw user text either fails with a syntax error or
 * means something the user did not ask for. So the text is reduced to words and nothing else survives:
 * <ul>
 *   <li>NFKC-normalised (full-width letters become ASCII ones), then split into words: a letter or digit
 *       followed by letters, digits and combining marks; everything else (punctuation, FTS5 syntax, emoji, control
 *       characters, NUL, unpaired surrogates) separates words;</li>
 *   <li>the operator words AND, OR, NOT, NEAR (in any case) and column filters ({@code prompt:},
 *       {@code {prompt category}:}) are dropped;</li>
 *   <li>each word is quoted ({@code "rain"}), the last one also matches as a prefix ({@code "pian"*}) so
 *       that a search box can search while typing, from its second character: the index keeps prefixes
 *       of 2 to 4 characters, and a 1-character prefix made FTS5 merge the doclists of every word with
 *       that initial (50-190 ms at 1,000,000 rows); words are joined by spaces, which FTS5 reads as
 *       AND.</li>
 * </ul>
 * Only the first {@value #MAX_INPUT_LENGTH} characters are read, and at most {@value #MAX_TERMS} words of
 * at most {@value #MAX_TERM_LENGTH} characters are kept, which bounds the work one request can cause.
 * Text without any word gives no query: list without searching.
 */
public final class Fts5Query {
    public static final int MAX_TERMS = 16;
    /** The shortest last word that also matches as a prefix. */
    public static final int MIN_PREFIX_LENGTH = 2;
    public static final int MAX_TERM_LENGTH = 64;
    /** Only this many characters of the input are read: enough for {@value #MAX_TERMS} long words. */
    public static final int MAX_INPUT_LENGTH = 2048;
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "near");

    private final List<String> terms;

    private Fts5Query(List<String> terms) {
        this.terms = List.copyOf(terms);
    }

    /** The query for a user's text, or empty when the text holds no searchable word. */
    public static Optional<Fts5Query> parse(String userText) {
        if (userText == null || userText.isEmpty()) {
            return Optional.empty();
        }
        String head = userText.length() > MAX_INPUT_LENGTH ? userText.substring(0, MAX_INPUT_LENGTH) : userText;
        String text = Normalizer.normalize(head, Normalizer.Form.NFKC);
        List<String> terms = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n && terms.size() < MAX_TERMS) {
            int cp = text.codePointAt(i);
            if (cp == '{') {
                int end = columnSetEnd(text, i);
                if (end > 0) {
                    i = end;
                    continue;
                }
            }
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp); // a word starts with a letter or digit, never with a mark
                continue;
            }
            int start = i;
            while (i < n && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = text.substring(start, i);
            if (followedByColon(text, i)) {
                continue; // a column filter such as prompt:rain
            }
            if (OPERATORS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            terms.add(truncate(word));
        }
        return terms.isEmpty() ? Optional.empty() : Optional.of(new Fts5Query(terms));
    }

    /** The words that are searched for, in order. */
    public List<String> terms() {
        return terms;
    }

    /** The MATCH expression, e.g. {@code "lofi" "pian"*}. */
    public String expression() {
        return expression(null, word -> false);
    }

    /**
     * The MATCH expression with the words that {@code scoped} picks limited to a column set, e.g.
     * {@code "lofi" {prompt category} : "urb"*}. A column filter costs FTS5 a look at every match's
     * positions, so it is worth applying only to the words that need it.
     */
    public String expression(String columnSet, java.util.function.Predicate<String> scoped) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < terms.size(); t++) {
            if (t > 0) {
                sb.append(' ');
            }
            if (scoped.test(terms.get(t))) {
                sb.append(columnSet).append(" : ");
            }
            // Words never hold a quote; doubling is FTS5's escape and keeps this safe if that ever changes.
            sb.append('"').append(terms.get(t).replace("\"", "\"\"")).append('"');
            if (t == terms.size() - 1 && terms.get(t).codePointCount(0, terms.get(t).length()) >= MIN_PREFIX_LENGTH) {
                sb.append('*');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return expression();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fts5Query q && q.terms.equals(terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF) {
            return false; // variation selectors (emoji presentation) are marks but no part of a word
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean followedByColon(String text, int from) {
        int j = from;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == ':';
    }

    /** For {@code {a b}:} at {@code open}, the index after the colon; otherwise -1. */
    private static int columnSetEnd(String text, int open) {
        int close = open + 1;
        while (close < text.length() && text.charAt(close) != '}') {
            if (text.charAt(close) == '{') {
                return -1;
            }
            close++;
        }
        if (close >= text.length()) {
            return -1;
        }
        int j = close + 1;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < text.length() && text.charAt(j) == ':' ? j + 1 : -1;
    }

    private static String truncate(String word) {
        if (word.codePointCount(0, word.length()) <= MAX_TERM_LENGTH) {
            return word;
        }
        return word.substring(0, word.offsetByCodePoints(0, MAX_TERM_LENGTH));
    }
}
