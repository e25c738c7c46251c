package io.soundbox.library.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorageQuotaTest {
    @Test
    void theOriginalsLimitsPerTier() {
        assertThat(StorageQuota.limitOf("creator")).isEqualTo(500);
        assertThat(StorageQuota.limitOf("premium")).isEqualTo(200);
        assertThat(StorageQuota.limitOf("supporter")).isEqualTo(100);
        assertThat(StorageQuota.limitOf("free")).isEqualTo(20);
        assertThat(StorageQuota.limitOf("something-else")).isEqualTo(20);
        assertThat(StorageQuota.limitOf("admin")).isNull();
    }

    @Test
    void remainingNeverGoesBelowZero() {
        assertThat(StorageQuota.remaining(20, 5)).isEqualTo(15);
        assertThat(StorageQuota.remaining(20, 25)).isZero();
        assertThat(StorageQuota.remaining(null, 25)).isNull();
    }

    @Test
    void aDefaultCleanupLeavesOneFreeSlot() {
        assertThat(StorageQuota.defaultCleanupCount(20, 19)).isZero();
        assertThat(StorageQuota.defaultCleanupCount(20, 20)).isEqualTo(1);
        assertThat(StorageQuota.defaultCleanupCount(20, 25)).isEqualTo(6);
        assertThat(StorageQuota.defaultCleanupCount(null, 1000)).isZero();
    }
}
