package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    private static ByteRange.Decision d(String header) {
        return ByteRange.decide(header, 1000);
    }

    private static ByteRange partial(String header) {
        ByteRange.Decision decision = d(header);
        assertThat(decision).isInstanceOf(ByteRange.Partial.class);
        return ((ByteRange.Partial) decision).range();
    }

    @Test
    void plainRanges() {
        assertThat(partial("bytes=0-99")).isEqualTo(new ByteRange(0, 99));
        assertThat(partial("bytes=0-99").length()).isEqualTo(100);
        assertThat(partial("bytes=0-99").contentRange(1000)).isEqualTo("bytes 0-99/1000");
        assertThat(partial("bytes=500-")).isEqualTo(new ByteRange(500, 999));
        assertThat(partial("bytes=990-5000")).isEqualTo(new ByteRange(990, 999));
        assertThat(partial("BYTES = 1-1".replace(" = ", "="))).isEqualTo(new ByteRange(1, 1));
        assertThat(partial("bytes=999-999")).isEqualTo(new ByteRange(999, 999));
    }

    @Test
    void suffixRanges() {
        assertThat(partial("bytes=-10")).isEqualTo(new ByteRange(990, 999));
        assertThat(partial("bytes=-5000")).isEqualTo(new ByteRange(0, 999));
        assertThat(d("bytes=-0")).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void unsatisfiable() {
        assertThat(d("bytes=1000-")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(d("bytes=5000-6000")).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.decide("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.decide("bytes=-1", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void ignoredHeadersServeTheWholeFile() {
        for (String h : new String[] {null, "", "items=0-1", "bytes=", "bytes=abc", "bytes=5-1", "bytes=0-1,5-6",
            "bytes=-", "bytes=1-x", "bytes=99999999999999999999-", "bytes=0"}) {
            assertThat(d(h)).as(String.valueOf(h)).isInstanceOf(ByteRange.Whole.class);
        }
    }
}
