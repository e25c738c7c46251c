package io.soundbox.backup.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which backups to keep: the newest backup of each calendar day for {@code dailyDays} days, then the
 * newest backup of each ISO week for {@code weeklyMonths} calendar months, then none. A pure function
 * of the backups' times and "now"; days and weeks are counted in {@code zone}.
 *
 * <p>Safety rules beyond the tiers: the newest backup is always kept (a stack whose backups stopped
 * months ago must not lose its last one), every backup of the last 24 hours is kept (an admin's manual
 * backup before a risky change survives the nightly one), and a backup dated after "now" is kept (clock skew: either
 * clock may be wrong, and deleting on a guess cannot be undone). The weekly choice is stable: a week's
 * newest backup stays its newest once the week is over, so the policy never deletes the backup it
 * chose to keep the day before.
 */
public final class RetentionPolicy {
    public enum Reason { NEWEST, RECENT, DAILY, WEEKLY, FUTURE }

    /** Everything younger than this is kept, so a manual backup is not undone by the next one that day. */
    static final Duration RECENT = Duration.ofHours(24);

    public record Backup(String id, Instant createdAt) {
    }

    /** @param keep the kept ids with why; @param delete the ids to delete, oldest first */
    public record Decision(Map<String, Reason> keep, List<String> delete) {
    }

    private final int dailyDays;
    private final int weeklyMonths;
    private final ZoneId zone;

    public RetentionPolicy(int dailyDays, int weeklyMonths, ZoneId zone) {
        if (dailyDays < 1 || weeklyMonths < 0) {
            throw new IllegalArgumentException("retention needs at least 1 daily day and no negative months");
        }
        this.dailyDays = dailyDays;
        this.weeklyMonths = weeklyMonths;
        this.zone = zone;
    }

    public Decision decide(Collection<Backup> backups, Instant now) {
        List<Backup> newestFirst = new ArrayList<>(backups);
        newestFirst.sort(Comparator.comparing(Backup::createdAt).thenComparing(Backup::id).reversed());
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate weeklyFrom = today.minusMonths(weeklyMonths);

        Set<LocalDate> daysTaken = new HashSet<>();
        Set<Long> weeksTaken = new HashSet<>();
        Map<String, Reason> keep = new LinkedHashMap<>();
        List<String> delete = new ArrayList<>();
        boolean first = true;
        for (Backup b : newestFirst) {
            LocalDate day = LocalDate.ofInstant(b.createdAt(), zone);
            boolean future = b.createdAt().isAfter(now);
            // Every backup is its day's and week's candidate in turn, newest first, so the first one
            // seen of a day or a week is that day's or week's newest (future ones included).
            boolean newestOfDay = daysTaken.add(day);
            boolean newestOfWeek = weeksTaken.add(week(day));
            long age = ChronoUnit.DAYS.between(day, today);
            Reason reason = null;
            if (first) {
                reason = future ? Reason.FUTURE : Reason.NEWEST;
            } else if (future) {
                reason = Reason.FUTURE;
            } else if (Duration.between(b.createdAt(), now).compareTo(RECENT) < 0) {
                reason = Reason.RECENT;
            } else if (age < dailyDays && newestOfDay) {
                reason = Reason.DAILY;
            } else if (age >= dailyDays && !day.isBefore(weeklyFrom) && newestOfWeek) {
                reason = Reason.WEEKLY;
            }
            first = false;
            if (reason != null) {
                keep.put(b.id(), reason);
            } else {
                delete.add(b.id());
            }
        }
        Collections.reverse(delete);
        return new Decision(keep, delete);
    }

    private static long week(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
