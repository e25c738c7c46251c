package io.soundbox.library.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.AudioKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The categories the library knows, per audio kind, with the keywords that suggest each. Read from a
 * JSON data file ({@code categories.json}) so that the lists can grow without touching code.
 */
public final class CategoryCatalog {
    public static final String DEFAULT_RESOURCE = "categories.json";
    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,50}");

    /**
     * Categories of one kind.
     *
     * @param keywords     category id to its keywords, in the file's order (ties are broken by it)
     * @param fallback     the category given when no keyword matches
     * @param voiceLocales lower-case voice locale (en_us) to category id; speech only
     */
    public record KindCategories(Map<String, List<String>> keywords, String fallback,
                                 Map<String, String> voiceLocales) {
        public KindCategories {
            keywords = Collections.unmodifiableMap(new LinkedHashMap<>(keywords));
            voiceLocales = Map.copyOf(voiceLocales);
            Objects.requireNonNull(fallback, "fallback");
        }

        public boolean contains(String category) {
            return keywords.containsKey(category);
        }
    }

    private final Map<AudioKind, KindCategories> byKind;

    public CategoryCatalog(Map<AudioKind, KindCategories> byKind) {
        for (AudioKind kind : AudioKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalArgumentException("no categories for " + kind.wireName());
            }
        }
        this.byKind = Collections.unmodifiableMap(new EnumMap<>(byKind));
    }

    public KindCategories of(AudioKind kind) {
        return byKind.get(kind);
    }

    /** The catalog shipped with the service. */
    public static CategoryCatalog loadDefault() {
        try (InputStream in = CategoryCatalog.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Reads and checks a catalog; a mistake in the data file fails loudly at start, not silently later. */
    public static CategoryCatalog parse(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<AudioKind, KindCategories> byKind = new EnumMap<>(AudioKind.class);
        for (AudioKind kind : AudioKind.values()) {
            JsonNode node = root.path(kind.wireName());
            if (!node.isObject()) {
                throw new IllegalArgumentException("categories file has no object for " + kind.wireName());
            }
            byKind.put(kind, kindCategories(kind, node));
        }
        return new CategoryCatalog(byKind);
    }

    private static KindCategories kindCategories(AudioKind kind, JsonNode node) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.path("categories").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = requireId(kind, e.getKey());
            List<String> words = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                String word = w.asText().trim().toLowerCase(Locale.ROOT);
                if (word.isEmpty()) {
                    throw new IllegalArgumentException("empty keyword in " + kind.wireName() + "/" + id);
                }
                words.add(word);
            }
            keywords.put(id, List.copyOf(words));
        }
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException("no categories for " + kind.wireName());
        }
        String fallback = node.path("fallback").asText("");
        if (!keywords.containsKey(fallback)) {
            throw new IllegalArgumentException("fallback '" + fallback + "' of " + kind.wireName()
                    + " is not one of its categories");
        }
        Map<String, String> locales = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> loc = node.path("voice_locales").fields();
        while (loc.hasNext()) {
            Map.Entry<String, JsonNode> e = loc.next();
            String category = e.getValue().asText();
            if (!keywords.containsKey(category)) {
                throw new IllegalArgumentException("voice locale " + e.getKey() + " maps to unknown category '"
                        + category + "'");
            }
            locales.put(e.getKey().toLowerCase(Locale.ROOT), category);
        }
        return new KindCategories(keywords, fallback, locales);
    }

    private static String requireId(AudioKind kind, String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad category id '" + id + "' in " + kind.wireName());
        }
        return id;
    }
}
