package io.soundbox.events;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Generation ids as RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then 74 random bits. They are
 * still opaque UUID strings to clients, but ids made later sort later, so the library's indexes on the id
 * and on the file names made from it ({@code <id>.wav}, {@code <id>.png}) grow at their right edge. With
 * random (version 4) ids every batch of 5,000 new rows touched thousands of random index pages of each of
 * the three, which halved bulk ingestion (docs/benchmarks.md). The random bits come from SecureRandom, so
 * ids stay unguessable; the time they reveal is the item's public creation time anyway.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id for now. */
    public static String next() {
        return of(Instant.now(), RANDOM);
    }

    /** The id of something made at {@code time}, with random bits from {@code random} (tests, benchmarks). */
    public static String of(Instant time, Random random) {
        long millis = time.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
