package io.soundbox.library.api;

import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks of query parameters and bodies shared by the resources; a bad value is a 400 that says why. */
final class ApiParams {
    static final int MAX_ID_LENGTH = 128;
    static final int MAX_IDS = 100;
    /** The original's model filter names the kind of audio; sfx and speech are accepted as aliases. */
    static final Map<String, AudioKind> MODELS = Map.of(
            "music", AudioKind.MUSIC,
            "audio", AudioKind.SFX,
            "sfx", AudioKind.SFX,
            "voice", AudioKind.SPEECH,
            "speech", AudioKind.SPEECH);

    private ApiParams() {
    }

    static int intParam(String name, String raw, int dflt, int min, int max) {
        if (blank(raw)) {
            return dflt;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter(name + " must be a whole number from " + min + " to " + max
                    + "; got '" + shown(raw) + "'");
        }
        if (value < min || value > max) {
            throw ProblemException.badParameter(name + " must be a whole number from " + min + " to " + max
                    + "; got " + value);
        }
        return value;
    }

    static Double doubleParam(String name, String raw, double min, double max) {
        if (blank(raw)) {
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw ProblemException.badParameter(name + " must be a number from " + (long) min + " to " + (long) max
                    + "; got '" + shown(raw) + "'");
        }
        return value;
    }

    static Boolean boolParam(String name, String raw) {
        if (blank(raw)) {
            return null;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw ProblemException.badParameter(name + " must be true or false; got '" + shown(raw) + "'");
        };
    }

    static AudioKind model(String raw) {
        if (blank(raw)) {
            return null;
        }
        AudioKind kind = MODELS.get(raw.trim().toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw ProblemException.badParameter("model must be one of music, audio, voice; got '" + shown(raw) + "'");
        }
        return kind;
    }

    /** A generation id from a path or body: 1-128 printable characters. */
    static String id(String name, String raw) {
        if (blank(raw)) {
            throw ProblemException.badBody(name + " is required");
        }
        String id = raw.strip();
        if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badParameter(name + " must be 1-" + MAX_ID_LENGTH + " printable characters");
        }
        return id;
    }

    /** A list of ids (for the bulk lookups): at most {@value #MAX_IDS}. */
    static List<String> ids(String name, List<String> raw) {
        if (raw == null) {
            throw ProblemException.badBody(name + " is required");
        }
        if (raw.size() > MAX_IDS) {
            throw ProblemException.badBody(name + " may hold at most " + MAX_IDS + " ids; got " + raw.size());
        }
        return raw.stream().filter(s -> s != null && !s.isBlank() && s.length() <= MAX_ID_LENGTH)
                .map(String::strip).distinct().toList();
    }

    static Caller requireUser(Caller caller) {
        if (caller.isAnonymous()) {
            throw ProblemException.unauthorized("sign in to do this");
        }
        return caller;
    }

    static Caller requireAdmin(Caller caller) {
        requireUser(caller);
        if (!caller.admin()) {
            throw ProblemException.forbidden("only admins may do this");
        }
        return caller;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A value as it may be echoed in a detail: short, without control characters. */
    static String shown(String raw) {
        String cut = raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    static <T> T body(T body) {
        if (body == null) {
            throw ProblemException.badBody("a JSON body is required");
        }
        return body;
    }
}
