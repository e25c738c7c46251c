package io.soundbox.library.radio;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A radio station: where its tracks come from. The original's stations are here by name; any category
 * plays as {@code category:<id>}.
 *
 * @param categories for a {@link Source#CATEGORY} station: tracks carrying any of them
 */
public record RadioStation(String name, Source source, List<String> categories) {
    public enum Source { SHUFFLE, CATEGORY, TOP_RATED, NEW, TRENDING, FAVORITES }

    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9_]{1,50}");

    /** The original's mood stations and the categories that feed them. */
    static final Map<String, List<String>> MOODS = Map.of(
            "ambient", List.of("ambient", "drone", "meditation", "space"),
            "lofi", List.of("lofi", "chillhop", "study", "chill"),
            "retro", List.of("retro", "chiptune", "arcade", "80s", "synthwave"),
            "piano", List.of("piano"),
            "happy", List.of("happy", "upbeat", "inspirational"),
            "dreamy", List.of("ambient", "peaceful", "gentle", "relaxing", "space"));

    public static final List<String> NAMES = List.of("shuffle", "favorites", "trending", "top-rated", "new",
            "ambient", "lofi", "retro", "piano", "happy", "dreamy");

    public RadioStation {
        categories = List.copyOf(categories);
    }

    /** The station a name denotes; null or blank is shuffle. */
    public static Optional<RadioStation> parse(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(new RadioStation("shuffle", Source.SHUFFLE, List.of()));
        }
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "shuffle", "all", "surprise", "random":
                return Optional.of(new RadioStation("shuffle", Source.SHUFFLE, List.of()));
            case "favorites", "favourites":
                return Optional.of(new RadioStation("favorites", Source.FAVORITES, List.of()));
            case "trending":
                return Optional.of(new RadioStation("trending", Source.TRENDING, List.of()));
            case "top-rated", "top", "rating":
                return Optional.of(new RadioStation("top-rated", Source.TOP_RATED, List.of()));
            case "new", "newest", "recent":
                return Optional.of(new RadioStation("new", Source.NEW, List.of()));
            default:
                break;
        }
        if (MOODS.containsKey(n)) {
            return Optional.of(new RadioStation(n, Source.CATEGORY, MOODS.get(n)));
        }
        if (n.startsWith("category:")) {
            String category = name.strip().substring("category:".length()).toLowerCase(Locale.ROOT);
            if (CATEGORY.matcher(category).matches()) {
                return Optional.of(new RadioStation("category:" + category, Source.CATEGORY, List.of(category)));
            }
        }
        return Optional.empty();
    }
}
