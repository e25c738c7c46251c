package io.soundbox.library.domain;

import io.soundbox.events.AudioKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggests categories for a new library item from its prompt (and, for speech, its voice), scoring
 * each category by its keywords the way the original did: a whole word or phrase scores 3, a word that
 * starts with a keyword of 4+ letters ("synth" in "synthesizer") 2, a keyword of 5+ letters inside the
 * text 1. The best {@value #MAX_CATEGORIES} are kept; with no match the kind's fallback is given.
 *
 * <p>Unlike the original's partial match (any substring of a word), a partial match must start the
 * word, so "training" is not about rain.
 */
public final class Categorizer {
    public static final int MAX_CATEGORIES = 5;

    private final CategoryCatalog catalog;

    public Categorizer(CategoryCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param voice speech only: the voice id (en_US-lessac-medium), whose locale gives a category
     * @param tags  requester tags; those that are known categories of the kind come first
     */
    public List<String> categorize(AudioKind kind, String prompt, String voice, List<String> tags) {
        CategoryCatalog.KindCategories known = catalog.of(kind);
        Set<String> result = new LinkedHashSet<>();
        if (tags != null) {
            for (String tag : tags) {
                String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
                if (known.contains(t)) {
                    result.add(t);
                }
            }
        }
        if (kind == AudioKind.SPEECH) {
            voiceCategory(known, voice).ifPresent(result::add);
        }
        for (String category : byScore(known.keywords(), prompt)) {
            result.add(category);
        }
        if (result.isEmpty()) {
            result.add(known.fallback());
        }
        return result.stream().limit(MAX_CATEGORIES).toList();
    }

    private static Optional<String> voiceCategory(CategoryCatalog.KindCategories known, String voice) {
        if (voice == null || voice.isBlank()) {
            return Optional.empty();
        }
        String locale = voice.trim().split("-", 2)[0].toLowerCase(Locale.ROOT);
        return Optional.ofNullable(known.voiceLocales().get(locale));
    }

    /** Matching categories, best score first, ties in catalog order. */
    static List<String> byScore(Map<String, List<String>> keywords, String prompt) {
        return INDEXES.computeIfAbsent(keywords, KeywordIndex::new).byScore(words(prompt));
    }

    /**
     * Indexes per keyword map (one per kind of the catalog, so bounded by it). Built once: scoring a
     * prompt then costs a few dozen hash lookups instead of matching ~1,000 keywords one by one, which
     * made categorising the bulk of a bulk load.
     */
    private static final Map<Map<String, List<String>>, KeywordIndex> INDEXES =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * A prompt reduced to NFKC-normalised lower-case words: maximal runs of letters and numbers (what
     * {@code [\\p{L}\\p{N}]+} matches), scanned by hand because this runs for every ingested row.
     */
    static List<String> words(String prompt) {
        if (prompt == null) {
            return List.of();
        }
        String p = isAscii(prompt) ? prompt : Normalizer.normalize(prompt, Normalizer.Form.NFKC);
        return splitWords(p.toLowerCase(Locale.ROOT));
    }

    private static List<String> splitWords(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** ASCII is already NFKC: skipping the normaliser saves a copy per prompt. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * The scoring rules, inverted. A keyword ("lo-fi", "lo fi" and "lofi" are one keyword, compared as
     * word sequences and in the glued form) scores 3 when its words occur as whole words (or a single word
     * equals its glued form), else 2 when a one-word keyword of 4+ letters starts a word, else 1 when a
     * keyword of 5+ letters occurs anywhere in the text. A category's score is the sum over its keywords.
     *
     * <p>Every lookup is keyed by the first characters of a keyword (or of a phrase's second word), packed
     * into a long, so a prompt costs a few lookups per character and no substring per candidate; matching
     * each prompt against every keyword was most of a bulk load's Java time.
     */
    private static final class KeywordIndex {
        /** A one-word keyword of 4+ characters and the keyword entries (one per category) with that text. */
        private record Single(String text, List<Integer> ids) {
        }

        /** A phrase of 2+ words; a partial occurrence counts only when its glued form has 5+ characters. */
        private record Multi(int id, String[] parts, boolean partialCounts) {
        }

        private final List<String> categories = new ArrayList<>();
        private final int[] categoryOf;
        /** One-word keywords by their text. */
        private final Map<String, List<Integer>> single = new java.util.HashMap<>();
        /** Multi-word keywords by their glued form (a single word may equal it). */
        private final Map<String, List<Integer>> glued = new java.util.HashMap<>();
        /** One-word keywords of 4+ characters by their first three. */
        private final Map<Long, List<Single>> singleByHead = new java.util.HashMap<>();
        /** Phrases by the first one (a one-letter second word) or two characters of their second word. */
        private final Map<Long, List<Multi>> multiByHead = new java.util.HashMap<>();

        KeywordIndex(Map<String, List<String>> keywords) {
            List<Integer> owners = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : keywords.entrySet()) {
                int category = categories.size();
                categories.add(e.getKey());
                for (String keyword : e.getValue()) {
                    List<String> parts = splitWords(keyword);
                    if (parts.isEmpty()) {
                        continue;
                    }
                    int id = owners.size();
                    owners.add(category);
                    String joinedParts = String.join("", parts);
                    if (parts.size() == 1) {
                        single.computeIfAbsent(joinedParts, k -> new ArrayList<>()).add(id);
                    } else {
                        glued.computeIfAbsent(joinedParts, k -> new ArrayList<>()).add(id);
                        String second = parts.get(1);
                        multiByHead.computeIfAbsent(key(second, 0, Math.min(2, second.length())),
                                k -> new ArrayList<>()).add(new Multi(id, parts.toArray(String[]::new),
                                joinedParts.length() >= 5));
                    }
                }
            }
            single.forEach((text, ids) -> {
                if (text.length() >= 4) {
                    singleByHead.computeIfAbsent(key(text, 0, 3), k -> new ArrayList<>()).add(new Single(text, ids));
                }
            });
            categoryOf = owners.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * Up to three chars from {@code from}, and their count, in one long. Multiplied by an odd constant
         * (a bijection, so keys stay distinct): packed chars alone hash into few of HashMap's buckets.
         */
        private static long key(String s, int from, int length) {
            long k = length;
            for (int i = from; i < from + length; i++) {
                k = (k << 16) | s.charAt(i);
            }
            return k * 0x9E3779B97F4A7C15L;
        }

        List<String> byScore(List<String> words) {
            int[] keywordScore = new int[categoryOf.length];
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                raise(keywordScore, single.get(w), 3);
                raise(keywordScore, glued.get(w), 3);
                scorePartsOfWord(keywordScore, w);
                if (i > 0) {
                    for (int n = 1; n <= Math.min(2, w.length()); n++) {
                        List<Multi> phrases = multiByHead.get(key(w, 0, n));
                        if (phrases != null) {
                            for (Multi m : phrases) {
                                scorePhrase(keywordScore, m, words, i);
                            }
                        }
                    }
                }
            }
            int[] categoryScore = new int[categories.size()];
            for (int k = 0; k < keywordScore.length; k++) {
                categoryScore[categoryOf[k]] += keywordScore[k];
            }
            List<Integer> matched = new ArrayList<>();
            for (int c = 0; c < categoryScore.length; c++) {
                if (categoryScore[c] > 0) {
                    matched.add(c);
                }
            }
            // best score first; ties in catalog order (a stable sort of indexes already in that order)
            matched.sort((a, b) -> Integer.compare(categoryScore[b], categoryScore[a]));
            return matched.stream().map(categories::get).toList();
        }

        /** A one-word keyword that starts the word (2) or lies inside it with 5+ characters (1). */
        private void scorePartsOfWord(int[] scores, String w) {
            int length = w.length();
            for (int at = 0; at + 4 <= length; at++) {
                List<Single> candidates = singleByHead.get(key(w, at, 3));
                if (candidates == null) {
                    continue;
                }
                for (Single k : candidates) {
                    int n = k.text().length();
                    // longer than the rest of the word, or the whole word (scored 3 already)
                    if (at + n > length || (at == 0 && n == length) || !w.regionMatches(at, k.text(), 0, n)) {
                        continue;
                    }
                    if (at == 0) {
                        raise(scores, k.ids(), 2);
                    } else if (n >= 5) {
                        raise(scores, k.ids(), 1);
                    }
                }
            }
        }

        /**
         * The phrase whose second word starts words[second]: all its words as whole words (3), or its
         * text inside the prompt's (1): the first word ends the word before, the middle ones are whole
         * words, the last one starts a word.
         */
        private static void scorePhrase(int[] scores, Multi m, List<String> words, int second) {
            String[] parts = m.parts();
            int last = second + parts.length - 2;
            if (last >= words.size()) {
                return;
            }
            String before = words.get(second - 1);
            if (!before.endsWith(parts[0])) {
                return;
            }
            boolean whole = before.length() == parts[0].length();
            for (int k = 1; k < parts.length; k++) {
                String w = words.get(second + k - 1);
                if (k < parts.length - 1) {
                    if (!w.equals(parts[k])) {
                        return;
                    }
                } else if (!w.startsWith(parts[k])) {
                    return;
                } else {
                    whole &= w.length() == parts[k].length();
                }
            }
            if (whole) {
                raise(scores, m.id(), 3);
            } else if (m.partialCounts()) {
                raise(scores, m.id(), 1);
            }
        }

        private static void raise(int[] scores, List<Integer> ids, int score) {
            if (ids != null) {
                for (int id : ids) {
                    raise(scores, id, score);
                }
            }
        }

        private static void raise(int[] scores, int id, int score) {
            if (scores[id] < score) {
                scores[id] = score;
            }
        }
    }
}
