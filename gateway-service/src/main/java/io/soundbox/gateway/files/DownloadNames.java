package io.soundbox.gateway.files;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The attachment name of {@code GET /download/{file}}, like the original's:
 * {@code <prompt slug of at most 30 characters>_<tail of the id>.wav}, e.g.
 * {@code gentle_rain_on_a_tin_roof_3f9a1c2b.wav}. Only {@code [a-z0-9_]} and the extension, so the
 * name needs no escaping in a header.
 */
public final class DownloadNames {
    static final int SLUG_MAX = 30;
    static final int TAIL = 8;

    private DownloadNames() {
    }

    /** The friendly name, or {@code fallback} when the prompt gives no usable slug. */
    public static String friendly(String prompt, String id, String fallback) {
        String slug = slug(prompt);
        String tail = tail(id);
        if (slug.isEmpty() || tail.isEmpty()) {
            return fallback;
        }
        return slug + "_" + tail + ".wav";
    }

    static String slug(String prompt) {
        if (prompt == null) {
            return "";
        }
        String folded = Normalizer.normalize(prompt, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        String slug = folded.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (slug.length() > SLUG_MAX) {
            slug = slug.substring(0, SLUG_MAX).replaceAll("_+$", "");
        }
        return slug;
    }

    static String tail(String id) {
        if (id == null) {
            return "";
        }
        String clean = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return clean.length() <= TAIL ? clean : clean.substring(clean.length() - TAIL);
    }
}
