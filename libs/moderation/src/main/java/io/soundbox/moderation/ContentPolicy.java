package io.soundbox.moderation;

import java.util.Collection;
import java.util.Optional;

/**
 * The one rule for user text that is stored or spoken (prompts, vote notes, playlist names and
 * descriptions, tag suggestions, speech text and tags): text holding a word of the shipped list is
 * refused, with the same problem in every service. The gateway checks before forwarding; the service
 * that stores or speaks the text checks again, so a route or alias the gateway does not recognise
 * cannot skip it.
 */
public final class ContentPolicy {
    /** The problem type's last part: {@code urn:soundbox:problem:content-not-allowed}. */
    public static final String PROBLEM_SLUG = "content-not-allowed";

    private final ContentFilter filter;

    public ContentPolicy(ContentFilter filter) {
        this.filter = filter;
    }

    /** The policy with the shipped word list. */
    public static ContentPolicy shipped() {
        return new ContentPolicy(ContentFilter.fromClasspath());
    }

    /** Why {@code text} (the JSON member {@code field}) is refused, or empty when it may be stored. */
    public Optional<Refusal> check(String field, String text) {
        return filter.firstMatch(text).map(hit -> new Refusal(field,
                "the " + field + " contains words that are not allowed; please rephrase it"));
    }

    /** The first refused entry of a list member such as {@code tags}, or empty. */
    public Optional<Refusal> checkEach(String field, Collection<String> texts) {
        if (texts == null) {
            return Optional.empty();
        }
        for (String text : texts) {
            Optional<Refusal> r = check(field, text);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    public ContentFilter filter() {
        return filter;
    }

    /**
     * A refusal: answered as 400 {@code application/problem+json} of type {@link #PROBLEM_SLUG}, with
     * {@code detail} also in the original's {@code error} member and the member's name in {@code field}.
     * The blocked word itself is never echoed or logged.
     */
    public record Refusal(String field, String detail) {
        public static final String TITLE = "Invalid request";
    }
}
