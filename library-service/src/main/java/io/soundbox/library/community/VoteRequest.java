package io.soundbox.library.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated vote: -1, 0 (remove) or 1, with optional feedback reasons (at most 10 of at most 50
 * characters, as in the original), private notes (at most 1000) and a suggested model.
 */
public record VoteRequest(int vote, List<String> feedbackReasons, String notes, String suggestedModel) {
    public static final int MAX_REASONS = 10;
    public static final int MAX_REASON_LENGTH = 50;
    public static final int MAX_NOTES = 1000;
    private static final Pattern REASON = Pattern.compile("[a-z0-9_-]{1," + MAX_REASON_LENGTH + "}");
    private static final Pattern MODEL = Pattern.compile("[a-z0-9_-]{1,32}");

    /**
     * @throws IllegalArgumentException with a message for the client
     */
    public static VoteRequest of(Integer vote, List<String> reasons, String notes, String suggestedModel) {
        if (vote == null || vote < -1 || vote > 1) {
            throw new IllegalArgumentException("vote must be -1, 0 or 1");
        }
        List<String> clean = new ArrayList<>();
        if (reasons != null) {
            if (reasons.size() > MAX_REASONS) {
                throw new IllegalArgumentException("at most " + MAX_REASONS + " feedback_reasons");
            }
            for (String r : reasons) {
                String reason = r == null ? "" : r.strip().toLowerCase(Locale.ROOT);
                if (!REASON.matcher(reason).matches()) {
                    throw new IllegalArgumentException("each feedback reason must be 1-" + MAX_REASON_LENGTH
                            + " letters, digits, '_' or '-'");
                }
                if (!clean.contains(reason)) {
                    clean.add(reason);
                }
            }
        }
        String n = notes == null || notes.isBlank() ? null : notes.strip();
        if (n != null && n.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes must be at most " + MAX_NOTES + " characters");
        }
        String m = suggestedModel == null || suggestedModel.isBlank() ? null
                : suggestedModel.strip().toLowerCase(Locale.ROOT);
        if (m != null && !MODEL.matcher(m).matches()) {
            throw new IllegalArgumentException("suggested_model must be a model name such as music or audio");
        }
        if (vote == 0) {
            return new VoteRequest(0, List.of(), null, null);
        }
        return new VoteRequest(vote, List.copyOf(clean), n, m);
    }
}
