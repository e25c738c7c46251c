package io.soundbox.gateway.files;

import java.util.Optional;

/**
 * A single byte range from an HTTP {@code Range} header (RFC 9110 section 14), resolved against the
 * representation's length. {@code first} and {@code last} are inclusive.
 */
public record ByteRange(long first, long last) {
    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What to do with a request's Range header. */
    public sealed interface Decision permits Whole, Partial, Unsatisfiable {
    }

    /** Serve the whole file (no Range, or one the server may ignore: malformed or multi-range). */
    public record Whole() implements Decision {
    }

    public record Partial(ByteRange range) implements Decision {
    }

    /** 416 with {@code Content-Range: bytes *}{@code /size}. */
    public record Unsatisfiable() implements Decision {
    }

    public static Decision decide(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String spec = h.substring(6).trim();
        if (spec.isEmpty() || spec.contains(",")) {
            // Multipart/byteranges is not worth it for audio players, which ask for one range.
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        Optional<Long> start = number(a);
        Optional<Long> end = number(b);
        if (a.isEmpty()) {
            // Suffix range: the last N bytes.
            if (end.isEmpty()) {
                return new Whole();
            }
            long n = end.get();
            if (n == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - n), size - 1));
        }
        if (start.isEmpty() || (!b.isEmpty() && end.isEmpty())) {
            return new Whole();
        }
        long first = start.get();
        if (end.isPresent() && end.get() < first) {
            return new Whole(); // syntactically invalid: ignore it, as RFC 9110 allows
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = end.map(e -> Math.min(e, size - 1)).orElse(size - 1);
        return new Partial(new ByteRange(first, last));
    }

    private static Optional<Long> number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(s));
    }
}
