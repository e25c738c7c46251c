package io.soundbox.tts.speech;

import java.util.Map;

/**
 * How much text a caller may send. Two limits: a size in bytes that is refused before any work (a
 * 100 KB body is a mistake or an attack, not a script), and characters per tier (the original allowed
 * 5000; tiers below creator get less, anonymous callers least).
 */
public final class TextLimits {
    /** The original's ceiling: nobody gets more characters than this, whatever the configuration. */
    public static final int HARD_MAX_CHARS = 5000;
    private static final int DEFAULT_CHARS = 1000;

    private final Map<String, Integer> charsByTier;
    private final int maxBytes;

    public TextLimits(Map<String, Integer> charsByTier, int maxBytes) {
        this.charsByTier = Map.copyOf(charsByTier);
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** Characters allowed for a tier; an unknown tier gets the free tier's limit. */
    public int charsFor(String tier) {
        Integer limit = charsByTier.get(tier);
        if (limit == null) {
            limit = charsByTier.getOrDefault("free", DEFAULT_CHARS);
        }
        return Math.min(HARD_MAX_CHARS, Math.max(1, limit));
    }
}
