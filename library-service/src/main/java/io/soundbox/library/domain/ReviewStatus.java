package io.soundbox.library.domain;

import java.util.Locale;
import java.util.Optional;

/** An admin's decision on an item its owner wants public ({@code approved} where nobody reviews). */
public enum ReviewStatus {
    APPROVED, PENDING, REJECTED;

    /** The name in the database and in JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewStatus fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The status a query parameter names, empty for anything else. */
    public static Optional<ReviewStatus> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (ReviewStatus r : values()) {
            if (r.wireName().equals(s.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
