package io.soundbox.events;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Result of the quality analysis of a generated clip: 0-100 and the reasons it lost points. Names are
 * pinned: a mapper that treats {@code issues()} or {@code isGood()} as "is"-getters (Quarkus's does)
 * would otherwise add {@code sues} and {@code good} beside the original's fields.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record QualityReport(
        @JsonProperty("score") int score,
        @JsonProperty("issues") List<String> issues,
        @JsonProperty("is_good") boolean isGood) {
    public QualityReport {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }
}
