package io.soundbox.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FileResponsesTest {
    private static final String ETAG = "\"10-abc\"";
    private static final Instant MODIFIED = Instant.parse("2025-01-02T03:04:05Z");

    private static FileResponses.Conditions c(String ifNoneMatch, String ifModifiedSince) {
        return new FileResponses.Conditions(null, null, ifNoneMatch, ifModifiedSince);
    }

    @Test
    void ifNoneMatch() {
        assertThat(FileResponses.notModified(c(ETAG, null), ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.notModified(c("W/" + ETAG, null), ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.notModified(c("\"x\", " + ETAG, null), ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.notModified(c("*", null), ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.notModified(c("\"other\"", "Thu, 02 Jan 2025 03:04:05 GMT"), ETAG, MODIFIED))
                .as("If-None-Match wins over If-Modified-Since").isFalse();
    }

    @Test
    void ifModifiedSince() {
        assertThat(FileResponses.notModified(c(null, "Thu, 02 Jan 2025 03:04:05 GMT"), ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.notModified(c(null, "Fri, 03 Jan 2025 00:00:00 GMT"), ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.notModified(c(null, "Wed, 01 Jan 2025 00:00:00 GMT"), ETAG, MODIFIED)).isFalse();
        assertThat(FileResponses.notModified(c(null, "garbage"), ETAG, MODIFIED)).isFalse();
        assertThat(FileResponses.notModified(c(null, null), ETAG, MODIFIED)).isFalse();
    }

    @Test
    void ifRange() {
        assertThat(FileResponses.rangeApplies(null, ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.rangeApplies(ETAG, ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.rangeApplies("\"stale\"", ETAG, MODIFIED)).isFalse();
        assertThat(FileResponses.rangeApplies("Thu, 02 Jan 2025 03:04:05 GMT", ETAG, MODIFIED)).isTrue();
        assertThat(FileResponses.rangeApplies("Wed, 01 Jan 2025 00:00:00 GMT", ETAG, MODIFIED)).isFalse();
    }
}
