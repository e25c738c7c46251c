package io.soundbox.library.api;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import io.soundbox.library.search.Fts5Query;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the query parameters of {@code GET /api/library} and turns them into a {@link LibraryQuery}.
 * The original silently ignored bad values; here a bad value is a 400 that says what was wrong.
 */
final class LibraryQueryParser {
    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;
    static final int MAX_PAGE = 1_000_000;
    static final int MAX_USER_ID_LENGTH = 128;
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9_-]{1,50}");
    /** A Graphlings source id. */
    static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,64}");
    /** The original's model filter names the kind of audio; sfx and speech are accepted as aliases. */
    private static final Map<String, AudioKind> MODELS = Map.of(
            "music", AudioKind.MUSIC,
            "audio", AudioKind.SFX,
            "sfx", AudioKind.SFX,
            "voice", AudioKind.SPEECH,
            "speech", AudioKind.SPEECH);

    /** The raw parameters; any may be null. {@code q} is an alias of {@code search}. */
    record Params(String page, String perPage, String model, String search, String q, String sort,
                  String userId, String category, String isPublic, String minDuration, String maxDuration,
                  String source) {
        Params(String page, String perPage, String model, String search, String q, String sort, String userId,
               String category, String isPublic, String minDuration, String maxDuration) {
            this(page, perPage, model, search, q, sort, userId, category, isPublic, minDuration, maxDuration, null);
        }

        Params(String page, String perPage, String model, String search, String q, String sort, String userId,
               String category) {
            this(page, perPage, model, search, q, sort, userId, category, null, null, null, null);
        }
    }

    /** Longest duration a filter may name: an hour is far beyond any generation. */
    static final double MAX_DURATION = 3600;

    /** The validated query and the search text as typed (for the id lookup), null when not searching. */
    record Parsed(LibraryQuery query, String rawSearch) {
    }

    private LibraryQueryParser() {
    }

    static Parsed parse(Params p) {
        return parse(p, Caller.anonymous());
    }

    static Parsed parse(Params p, Caller viewer) {
        int page = intParam("page", p.page(), 1, 1, MAX_PAGE);
        int perPage = intParam("per_page", p.perPage(), DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        AudioKind kind = null;
        if (!blank(p.model())) {
            kind = MODELS.get(p.model().trim().toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw ProblemException.badParameter("model must be one of music, audio, voice; got '"
                        + shown(p.model()) + "'");
            }
        }
        LibrarySort requested = null;
        if (!blank(p.sort())) {
            requested = LibrarySort.parse(p.sort()).orElseThrow(() -> ProblemException.badParameter(
                    "sort must be one of recent, popular, rating, relevance (or newest, top_rated, most_played);"
                            + " got '" + shown(p.sort()) + "'"));
        }
        String rawSearch = !blank(p.search()) ? p.search() : !blank(p.q()) ? p.q() : null;
        Fts5Query match = rawSearch == null ? null : Fts5Query.parse(rawSearch).orElse(null);
        String userId = null;
        if (!blank(p.userId())) {
            userId = p.userId().trim();
            if (userId.length() > MAX_USER_ID_LENGTH) {
                throw ProblemException.badParameter("user_id must be at most " + MAX_USER_ID_LENGTH
                        + " characters");
            }
        }
        String category = null;
        if (!blank(p.category())) {
            category = p.category().trim().toLowerCase(Locale.ROOT);
            if (!CATEGORY.matcher(category).matches()) {
                throw ProblemException.badParameter("category must be 1-50 letters, digits, '_' or '-'; got '"
                        + shown(p.category()) + "'");
            }
        }
        Boolean isPublic = ApiParams.boolParam("is_public", p.isPublic());
        Double min = ApiParams.doubleParam("min_duration", p.minDuration(), 0, MAX_DURATION);
        Double max = ApiParams.doubleParam("max_duration", p.maxDuration(), 0, MAX_DURATION);
        if (min != null && max != null && min > max) {
            throw ProblemException.badParameter("min_duration must not exceed max_duration");
        }
        String source = null;
        if (!blank(p.source())) {
            source = p.source().trim();
            if (!SOURCE.matcher(source).matches()) {
                throw ProblemException.badParameter("source must be 1-64 lowercase letters, digits, '_' or '-'; got '"
                        + shown(p.source()) + "'");
            }
        }
        LibrarySort sort = LibrarySort.effective(requested, match != null);
        return new Parsed(new LibraryQuery(page, perPage, kind, match, sort, userId, category, viewer, isPublic, min,
                max, source), rawSearch);
    }

    private static int intParam(String name, String raw, int dflt, int min, int max) {
        if (blank(raw)) {
            return dflt;
        }
        String s = raw.trim();
        int value;
        try {
            value = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(range(name, min, max) + "; got '" + shown(raw) + "'");
        }
        if (value < min || value > max) {
            throw ProblemException.badParameter(range(name, min, max) + "; got " + value);
        }
        return value;
    }

    private static String range(String name, int min, int max) {
        return name + " must be a whole number from " + min + " to " + max;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A parameter value as it may be echoed in a detail: short, without control characters. */
    private static String shown(String raw) {
        String cut = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
