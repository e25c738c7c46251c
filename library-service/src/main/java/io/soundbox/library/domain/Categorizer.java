package io.soundbox.library.domain;

import io.soundbox.events.AudioKind;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

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
        return INDEXES.computeIfAbsent(keywords, KeywordIndex::new).byScore(Text.of(prompt));
    }

    /**
     * Indexes per keyword map (one per kind of the catalog, so bounded by it). Built once: scoring a
     * prompt then costs a few dozen hash lookups instead of matching ~1,000 keywords one by one, which
     * made categorising the bulk of a bulk load.
     */
    private static final Map<Map<String, List<String>>, KeywordIndex> INDEXES =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** A prompt reduced to lower-case words, and the same words joined by single spaces. */
    private record Text(List<String> words, String joined) {
        static Text of(String prompt) {
            String p = prompt == null ? "" : Normalizer.normalize(prompt, Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            List<String> words = Arrays.stream(NOT_WORD.split(p)).filter(w -> !w.isEmpty()).toList();
            return new Text(words, " " + String.join(" ", words) + " ");
        }
    }

    /**
     * The scoring rules, inverted. A keyword ("lo-fi", "lo fi" and "lofi" are one keyword, compared as
     * word sequences and in the glued form) scores 3 when its words occur as whole words (or a single word
     * equals its glued form), else 2 when a one-word keyword of 4+ letters starts a word, else 1 when a
     * keyword of 5+ letters occurs anywhere in the text. A category's score is the sum over its keywords.
     */
    private static final class KeywordIndex {
        private record Multi(int id, String phrase, String spaced, int gluedLength) {
        }

        private final List<String> categories = new ArrayList<>();
        private final int[] categoryOf;
        /** One-word keywords by their text. */
        private final Map<String, List<Integer>> single = new java.util.HashMap<>();
        /** Multi-word keywords by their glued form (a single word may equal it). */
        private final Map<String, List<Integer>> glued = new java.util.HashMap<>();
        private final List<Multi> multi = new ArrayList<>();

        KeywordIndex(Map<String, List<String>> keywords) {
            List<Integer> owners = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : keywords.entrySet()) {
                int category = categories.size();
                categories.add(e.getKey());
                for (String keyword : e.getValue()) {
                    List<String> parts = Arrays.stream(NOT_WORD.split(keyword)).filter(w -> !w.isEmpty()).toList();
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
                        String spaced = String.join(" ", parts);
                        multi.add(new Multi(id, " " + spaced + " ", spaced, joinedParts.length()));
                    }
                }
            }
            categoryOf = owners.stream().mapToInt(Integer::intValue).toArray();
        }

        List<String> byScore(Text text) {
            int[] keywordScore = new int[categoryOf.length];
            for (String w : text.words()) {
                raise(keywordScore, single.get(w), 3);
                raise(keywordScore, glued.get(w), 3);
                for (int end = 4; end < w.length(); end++) {
                    raise(keywordScore, single.get(w.substring(0, end)), 2);
                }
                for (int from = 0; from + 5 <= w.length(); from++) {
                    for (int end = from + 5; end <= w.length(); end++) {
                        if (from > 0 || end < w.length()) {
                            raise(keywordScore, single.get(w.substring(from, end)), 1);
                        }
                    }
                }
            }
            for (Multi m : multi) {
                if (text.joined().contains(m.phrase())) {
                    raise(keywordScore, m.id(), 3);
                } else if (m.gluedLength() >= 5 && text.joined().contains(m.spaced())) {
                    raise(keywordScore, m.id(), 1);
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
