package io.soundbox.library.moderation;

import static io.soundbox.library.domain.ReviewStatus.APPROVED;
import static io.soundbox.library.domain.ReviewStatus.PENDING;
import static io.soundbox.library.domain.ReviewStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModerationPolicyTest {
    private final ModerationPolicy on = new ModerationPolicy(true);
    private final ModerationPolicy off = new ModerationPolicy(false);

    @Test
    void ingestionWaitsForReviewOnlyForPublicItemsWithModerationOn() {
        assertThat(on.onIngest(true)).isEqualTo(PENDING);
        assertThat(on.onIngest(false)).isEqualTo(APPROVED);
        assertThat(off.onIngest(true)).isEqualTo(APPROVED);
        assertThat(off.onIngest(false)).isEqualTo(APPROVED);
    }

    @Test
    void publishingAPrivateItemAsksForReviewAgainAndPrivateIsImmediate() {
        assertThat(on.onOwnerChange(APPROVED, false, true)).isEqualTo(PENDING);
        assertThat(off.onOwnerChange(APPROVED, false, true)).isEqualTo(APPROVED);
        assertThat(off.onOwnerChange(PENDING, false, true)).isEqualTo(APPROVED);
        assertThat(on.onOwnerChange(APPROVED, true, false)).isEqualTo(APPROVED);
        assertThat(on.onOwnerChange(PENDING, true, false)).isEqualTo(PENDING);
        assertThat(on.onOwnerChange(APPROVED, true, true)).as("no change, no review").isEqualTo(APPROVED);
    }

    @Test
    void aRejectionStandsWhateverTheOwnerToggles() {
        assertThat(on.onOwnerChange(REJECTED, false, true)).isEqualTo(REJECTED);
        assertThat(off.onOwnerChange(REJECTED, false, true)).isEqualTo(REJECTED);
        assertThat(on.onOwnerChange(REJECTED, true, false)).isEqualTo(REJECTED);
    }

    @Test
    void othersSeeOnlyApprovedItemsTheOwnerWantsPublic() {
        assertThat(ModerationPolicy.effective(true, APPROVED)).isTrue();
        assertThat(ModerationPolicy.effective(true, PENDING)).isFalse();
        assertThat(ModerationPolicy.effective(true, REJECTED)).isFalse();
        assertThat(ModerationPolicy.effective(false, APPROVED)).isFalse();
    }
}
