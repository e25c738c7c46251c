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
        Text text = Text.of(prompt);
        record Scored(String category, int score, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, List<String>> e : keywords.entrySet()) {
            int score = 0;
            for (String keyword : e.getValue()) {
                score += text.score(keyword);
            }
            if (score > 0) {
                scored.add(new Scored(e.getKey(), score, order));
            }
            order++;
        }
        scored.sort((a, b) -> a.score() != b.score() ? Integer.compare(b.score(), a.score())
                : Integer.compare(a.order(), b.order()));
        return scored.stream().map(Scored::category).toList();
    }

    /** A prompt reduced to lower-case words, and the same words joined by single spaces. */
    private record Text(List<String> words, String joined) {
        static Text of(String prompt) {
            String p = prompt == null ? "" : Normalizer.normalize(prompt, Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT);
            List<String> words = Arrays.stream(NOT_WORD.split(p)).filter(w -> !w.isEmpty()).toList();
            return new Text(words, " " + String.join(" ", words) + " ");
        }

        int score(String keyword) {
            // "lo-fi", "lo fi" and "lofi" are one keyword: compare word sequences, and the glued form.
            List<String> parts = Arrays.stream(NOT_WORD.split(keyword)).filter(w -> !w.isEmpty()).toList();
            if (parts.isEmpty()) {
                return 0;
            }
            String phrase = " " + String.join(" ", parts) + " ";
            if (joined.contains(phrase) || (parts.size() > 1 && words.contains(String.join("", parts)))) {
                return 3;
            }
            String glued = String.join("", parts);
            if (parts.size() == 1 && glued.length() >= 4 && words.stream().anyMatch(w -> w.startsWith(glued))) {
                return 2;
            }
            if (glued.length() >= 5 && joined.contains(String.join(" ", parts))) {
                return 1;
            }
            return 0;
        }
    }
}
