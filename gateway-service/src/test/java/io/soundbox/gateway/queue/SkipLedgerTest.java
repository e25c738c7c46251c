package io.soundbox.gateway.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SkipLedgerTest {
    private final SkipLedger ledger = new SkipLedger(100, Duration.ofHours(1));

    @Test
    void aJobIsPaidForOnceAtATime() {
        assertThat(ledger.tryBegin("j")).isTrue();
        assertThat(ledger.tryBegin("j")).isFalse();
        ledger.release("j");
        assertThat(ledger.tryBegin("j")).isTrue();
        ledger.markSkipped("j");
        assertThat(ledger.isSkipped("j")).isTrue();
        ledger.release("j");
        assertThat(ledger.tryBegin("j")).as("a skipped job stays skipped").isFalse();
    }
}
