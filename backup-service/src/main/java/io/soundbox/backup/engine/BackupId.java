package io.soundbox.backup.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Backup ids are the UTC start time, {@code 20261127T030000Z}, with {@code -2}, {@code -3}... when two
 * backups start in the same second. They sort by time as text and are safe as folder names; anything
 * else (a path, {@code ..}) is rejected before it touches the file system.
 */
public final class BackupId {
    private static final Pattern VALID = Pattern.compile("\\d{8}T\\d{6}Z(-\\d{1,4})?");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupId() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /** The id for a backup started at this instant; {@code attempt} 1 is the plain one. */
    public static String of(Instant startedAt, int attempt) {
        String base = FORMAT.format(startedAt);
        return attempt <= 1 ? base : base + "-" + attempt;
    }
}
