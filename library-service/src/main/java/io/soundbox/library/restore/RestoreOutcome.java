package io.soundbox.library.restore;

/**
 * @param status     {@code restored}, {@code dry_run} (nothing changed) or {@code confirmation_required}
 *                   (nothing changed: the plan loses something and the request did not confirm)
 * @param writesHeldMs how long writes were refused while the database was rebuilt and swapped
 */
public record RestoreOutcome(String status, RestorePlan plan, long durationMs, long writesHeldMs) {
    public static final String RESTORED = "restored";
    public static final String DRY_RUN = "dry_run";
    public static final String CONFIRMATION_REQUIRED = "confirmation_required";
}
