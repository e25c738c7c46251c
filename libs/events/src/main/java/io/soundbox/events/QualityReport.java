package io.soundbox.events;

import java.util.List;

/** Result of the quality analysis of a generated clip: 0-100 and the reasons it lost points. */
public record QualityReport(int score, List<String> issues, boolean isGood) {
    public QualityReport {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }
}
