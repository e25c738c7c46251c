package io.soundbox.library.moderation;

import io.soundbox.library.domain.ReviewStatus;

/**
 * What the owner's wish and the moderation setting make of an item's review status. Pure: the
 * database triggers derive the effective visibility ({@link #effective}) from the result.
 */
public final class ModerationPolicy {
    private final boolean enabled;

    public ModerationPolicy(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** A newly ingested item: a public one waits for review when moderation is on. */
    public ReviewStatus onIngest(boolean ownerPublic) {
        return enabled && ownerPublic ? ReviewStatus.PENDING : ReviewStatus.APPROVED;
    }

    /**
     * The owner changed their wish. Making an item private is immediate and keeps the decision; making a
     * private item public asks for a review again when moderation is on. A rejection stands until an
     * admin approves: the owner cannot publish a rejected item by toggling it.
     */
    public ReviewStatus onOwnerChange(ReviewStatus current, boolean wasPublic, boolean nowPublic) {
        if (current == ReviewStatus.REJECTED || !nowPublic || wasPublic) {
            return current;
        }
        return enabled ? ReviewStatus.PENDING : ReviewStatus.APPROVED;
    }

    /** Whether others see the item. */
    public static boolean effective(boolean ownerPublic, ReviewStatus status) {
        return ownerPublic && status == ReviewStatus.APPROVED;
    }
}
