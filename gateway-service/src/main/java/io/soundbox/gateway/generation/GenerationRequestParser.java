package io.soundbox.gateway.generation;

import com.fasterxml.jackson.databind.JsonNode;
import io.soundbox.events.ModelId;
import io.soundbox.gateway.domain.Tier;
import io.soundbox.gateway.problem.ApiProblem;
import java.util.List;
import java.util.OptionalInt;

/**
 * Validates a {@code POST /generate} body with the original's rules and order (prompt, duration,
 * model): prompt 3-500 characters after trimming, default "upbeat electronic music" when absent;
 * duration a whole JSON number (not a string) from 1 to the tier's maximum, default 8; model one of the API names;
 * {@code is_public} a boolean, default true ({@code private: true} is accepted as its opposite).
 */
public final class GenerationRequestParser {
    public static final String DEFAULT_PROMPT = "upbeat electronic music";
    public static final int DEFAULT_DURATION = 8;
    public static final int MIN_PROMPT = 3;
    public static final int MAX_PROMPT = 500;
    public static final List<String> VALID_MODELS = List.of("music", "audio", "sfx", "magnet", "magnet-music",
            "magnet-audio");

    private GenerationRequestParser() {
    }

    public static GenerationOrder parse(JsonNode body, Tier tier) {
        return parse(body, tier, tier.maxDurationSeconds());
    }

    /** @param maxDuration the tier's configured longest clip in seconds; empty means unlimited */
    public static GenerationOrder parse(JsonNode body, Tier tier, OptionalInt maxDuration) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ApiProblem.badRequest("invalid-request", "the request body must be a JSON object");
        }
        if (!body.isObject()) {
            throw ApiProblem.badRequest("invalid-request", "the request body must be a JSON object");
        }
        String prompt = prompt(body.get("prompt"));
        int duration = duration(body.get("duration"), tier, maxDuration);
        ModelId model = model(body.get("model"));
        boolean loop = loop(body.get("loop"));
        boolean isPublic = isPublic(body.get("is_public"), body.get("private"));
        return new GenerationOrder(prompt, model, duration, loop, isPublic);
    }

    static String prompt(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_PROMPT;
        }
        if (!node.isTextual()) {
            throw ApiProblem.badRequest("invalid-prompt", "prompt must be a string").with("field", "prompt");
        }
        String p = node.textValue().strip();
        int length = p.codePointCount(0, p.length());
        if (length < MIN_PROMPT) {
            throw ApiProblem.badRequest("invalid-prompt", "prompt must be at least " + MIN_PROMPT
                    + " characters long").with("field", "prompt");
        }
        if (length > MAX_PROMPT) {
            throw ApiProblem.badRequest("invalid-prompt", "prompt must be at most " + MAX_PROMPT
                    + " characters long (got " + length + ")").with("field", "prompt");
        }
        if (p.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw ApiProblem.badRequest("invalid-prompt", "prompt must not contain control characters"
                    + " (line breaks, tabs and other non-printing characters)").with("field", "prompt");
        }
        return p;
    }

    static int duration(JsonNode node, Tier tier) {
        return duration(node, tier, tier.maxDurationSeconds());
    }

    static int duration(JsonNode node, Tier tier, OptionalInt max) {
        if (node == null || node.isNull()) {
            return DEFAULT_DURATION;
        }
        long seconds;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            seconds = node.longValue();
        } else if (node.isFloatingPointNumber() && node.doubleValue() == Math.rint(node.doubleValue())
                && Math.abs(node.doubleValue()) < 1e15) {
            seconds = (long) node.doubleValue();
        } else if (node.isTextual()) {
            // A number in quotes is refused, not coerced: a client sending strings has a bug worth seeing.
            throw ApiProblem.badRequest("invalid-duration", "duration must be a JSON number, not a string")
                    .with("field", "duration");
        } else {
            throw ApiProblem.badRequest("invalid-duration", "duration must be a whole number of seconds")
                    .with("field", "duration");
        }
        if (seconds < 1) {
            throw ApiProblem.badRequest("invalid-duration", "duration must be at least 1 second")
                    .with("field", "duration");
        }
        if (max.isPresent() && seconds > max.getAsInt()) {
            throw ApiProblem.badRequest("invalid-duration", "duration must be at most " + max.getAsInt()
                    + " seconds for the " + tier.wireName() + " tier")
                    .with("field", "duration").with("max_duration", max.getAsInt());
        }
        if (seconds > Integer.MAX_VALUE) {
            throw ApiProblem.badRequest("invalid-duration", "duration is too large").with("field", "duration");
        }
        return (int) seconds;
    }

    static ModelId model(JsonNode node) {
        if (node == null || node.isNull()) {
            return ModelId.MUSIC;
        }
        String name = node.isTextual() ? node.textValue() : null;
        return ModelId.parse(name).orElseThrow(() -> ApiProblem.badRequest("invalid-model",
                        (name == null ? "model must be a string: " : "unknown model '" + shorten(name) + "': ")
                                + "model must be one of " + String.join(", ", VALID_MODELS))
                .with("field", "model").with("valid_models", VALID_MODELS));
    }

    /** Echoes at most 40 printable characters of a rejected value back to the client. */
    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }

    static boolean loop(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw ApiProblem.badRequest("invalid-loop", "loop must be true or false").with("field", "loop");
        }
        return node.booleanValue();
    }

    /** {@code is_public}, or the opposite of {@code private}; both given must agree. Absent: public. */
    static boolean isPublic(JsonNode isPublic, JsonNode isPrivate) {
        Boolean pub = bool(isPublic, "is_public");
        Boolean priv = bool(isPrivate, "private");
        if (pub != null && priv != null && pub.booleanValue() == priv.booleanValue()) {
            throw ApiProblem.badRequest("invalid-visibility", "is_public and private contradict each other;"
                    + " send only is_public").with("field", "is_public");
        }
        if (pub != null) {
            return pub;
        }
        return priv == null || !priv;
    }

    private static Boolean bool(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ApiProblem.badRequest("invalid-visibility", field + " must be true or false").with("field", field);
        }
        return node.booleanValue();
    }
}
