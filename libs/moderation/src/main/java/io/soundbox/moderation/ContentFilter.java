package io.soundbox.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Blocks user text containing a listed word or phrase. Text is normalised first so that disguises do
 * not slip through: compatibility forms (fullwidth letters) and accents are folded, zero-width
 * characters dropped, Cyrillic/Greek look-alikes mapped to Latin, leetspeak decoded ({@code 0→o},
 * {@code 1→i or l}, {@code 3→e}, {@code 4→a}, {@code 5→s}, {@code 7→t}, {@code @→a}, {@code $→s}),
 * runs of single letters joined ({@code "b a d"}, {@code "b.a.d"}) and repeated letters tolerated
 * ({@code "baaad"}). Matching is always on whole words, never substrings, so "Scunthorpe", "grape"
 * and "class" pass.
 */
public final class ContentFilter {
    /** The word list on the classpath. */
    public static final String RESOURCE = "content-filter.txt";

    private static final Map<Character, Character> HOMOGLYPHS = homoglyphs();

    /** Each entry: the words of a phrase (one word for a single word), as run-length encodings. */
    private final List<List<Runs>> entries;

    public ContentFilter(List<String> wordList) {
        List<List<Runs>> list = new ArrayList<>();
        for (String raw : wordList) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<Runs> words = new ArrayList<>();
            for (String w : tokens(fold(line), 'i')) {
                words.add(Runs.of(w));
            }
            if (!words.isEmpty()) {
                list.add(List.copyOf(words));
            }
        }
        this.entries = List.copyOf(list);
    }

    /** The filter with the one shipped word list (this module's {@value #RESOURCE}). */
    public static ContentFilter fromClasspath() {
        try (InputStream in = ContentFilter.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ContentFilter(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return entries.size();
    }

    public boolean allows(String text) {
        return firstMatch(text).isEmpty();
    }

    /** The blocked entry found in {@code text} (normalised, for logs), or empty when the text is fine. */
    public Optional<String> firstMatch(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(text);
        // "1" is i or l: try both readings.
        for (char one : new char[] {'i', 'l'}) {
            List<String> tokens = tokens(folded, one);
            Optional<String> hit = scan(tokens);
            if (hit.isEmpty()) {
                hit = scan(joinSingleLetters(tokens));
            }
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Optional<String> scan(List<String> tokens) {
        List<Runs> runs = tokens.stream().map(Runs::of).toList();
        for (List<Runs> entry : entries) {
            for (int start = 0; start + entry.size() <= runs.size(); start++) {
                boolean all = true;
                for (int k = 0; k < entry.size() && all; k++) {
                    all = runs.get(start + k).covers(entry.get(k));
                }
                if (all) {
                    return Optional.of(String.join(" ", tokens.subList(start, start + entry.size())));
                }
            }
        }
        return Optional.empty();
    }

    /** Lower case, compatibility forms folded, accents and zero-width/format characters removed, look-alikes mapped. */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            // Combining marks (accents) and format characters (zero-width space/joiners, soft hyphen, BOM).
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
                continue;
            }
            out.append(HOMOGLYPHS.getOrDefault(c, c));
        }
        return out.toString();
    }

    /**
     * Splits folded text into words (letters, digits, {@code @} and {@code $}) and decodes leetspeak in
     * words that hold a letter, and in one-character words (parts of spaced-out words). Numbers stay.
     */
    static List<String> tokens(String folded, char one) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= folded.length(); i++) {
            char c = i < folded.length() ? folded.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || c == '@' || c == '$') {
                word.append(c);
            } else if (!word.isEmpty()) {
                tokens.add(decodeLeet(word.toString(), one));
                word.setLength(0);
            }
        }
        return tokens;
    }

    private static String decodeLeet(String word, char one) {
        boolean hasLetter = word.chars().anyMatch(Character::isLetter);
        if (!hasLetter && word.length() > 1) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1' -> one;
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }

    /** Runs of three or more one-character words become one word: "s h i t" → "shit". */
    static List<String> joinSingleLetters(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).length() == 1) {
                j++;
            }
            if (j - i >= 3) {
                out.add(String.join("", tokens.subList(i, j)));
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    /**
     * A word as runs of equal characters. A text word covers a listed word when it has the same
     * letters in the same order, each run at least as long: "shiiit" covers "shit", but "niger"
     * (the country) does not cover a listed word spelled with "gg", and "as" does not cover "ass".
     */
    record Runs(String letters, int[] lengths) {
        static Runs of(String word) {
            StringBuilder letters = new StringBuilder();
            List<Integer> lengths = new ArrayList<>();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (!letters.isEmpty() && letters.charAt(letters.length() - 1) == c) {
                    lengths.set(lengths.size() - 1, lengths.get(lengths.size() - 1) + 1);
                } else {
                    letters.append(c);
                    lengths.add(1);
                }
            }
            return new Runs(letters.toString(), lengths.stream().mapToInt(Integer::intValue).toArray());
        }

        boolean covers(Runs listed) {
            if (!letters.equals(listed.letters)) {
                return false;
            }
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] < listed.lengths[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Map<Character, Character> homoglyphs() {
        // Cyrillic and Greek letters that look like Latin ones (lower case: text is lower-cased first).
        String from = "аеорсухіјѕкмтнвԁɡһӏαβεικνορτυχζ";
        String to = "aeopcyxijskmthbdghlabeikvoptuxz";
        Map<Character, Character> map = new java.util.HashMap<>();
        for (int i = 0; i < from.length(); i++) {
            map.put(from.charAt(i), to.charAt(i));
        }
        return Map.copyOf(map);
    }
}
