package io.soundbox.backup.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.soundbox.backup.engine.RetentionPolicy.Backup;
import io.soundbox.backup.engine.RetentionPolicy.Decision;
import io.soundbox.backup.engine.RetentionPolicy.Reason;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    private static final ZoneId UTC = ZoneOffset.UTC;
    private final RetentionPolicy policy = new RetentionPolicy(14, 2, UTC);

    @Test
    void keepsEachDaysNewestBackupForFourteenDays() {
        List<Backup> backups = new ArrayList<>();
        LocalDate today = LocalDate.of(2026, 6, 20);
        for (int d = 0; d < 14; d++) {
            backups.add(at(today.minusDays(d), 3));
            backups.add(at(today.minusDays(d), 15)); // a manual one later the same day
        }

        Decision decision = policy.decide(backups, instant(today, 16));

        // Today's are both younger than 24 hours; older days keep their newest.
        assertThat(decision.keep()).hasSize(15).containsEntry(id(today, 3), Reason.RECENT);
        assertThat(decision.keep().keySet()).filteredOn(id -> !id.startsWith(today.toString()))
                .hasSize(13).allMatch(id -> id.endsWith("T1500"));
        assertThat(decision.delete()).hasSize(13).allMatch(id -> id.endsWith("T0300"));
        assertThat(decision.keep().get(id(today, 15))).isEqualTo(Reason.NEWEST);
        assertThat(decision.keep().get(id(today.minusDays(13), 15))).isEqualTo(Reason.DAILY);
    }

    @Test
    void afterFourteenDaysKeepsOneBackupPerWeekForTwoMonthsThenNone() {
        LocalDate today = LocalDate.of(2026, 6, 20); // a Saturday
        List<Backup> nightly = new ArrayList<>();
        for (LocalDate d = today.minusDays(120); !d.isAfter(today); d = d.plusDays(1)) {
            nightly.add(at(d, 3));
        }

        Decision decision = policy.decide(nightly, instant(today, 4));

        Map<Long, List<LocalDate>> keptPerWeek = new TreeMap<>();
        for (String id : decision.keep().keySet()) {
            LocalDate d = dateOf(id);
            long age = ChronoUnit.DAYS.between(d, today);
            if (age >= 14) {
                assertThat(decision.keep().get(id)).isEqualTo(Reason.WEEKLY);
                assertThat(d).isAfterOrEqualTo(today.minusMonths(2));
                // The week's newest: Sunday, or the last day before the daily window cut the week.
                assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
                keptPerWeek.computeIfAbsent(week(d), w -> new ArrayList<>()).add(d);
            }
        }
        assertThat(keptPerWeek.values()).allMatch(days -> days.size() == 1);
        // 2026-04-20 .. 2026-06-06: Sundays 04-26 .. 05-31 and 06-07 is inside the daily window.
        assertThat(keptPerWeek).hasSize(6);
        assertThat(decision.keep()).hasSize(14 + 6);
        assertThat(decision.delete()).allMatch(id -> !decision.keep().containsKey(id));
        assertThat(decision.delete()).contains(id(today.minusDays(120), 3));
    }

    @Test
    void monthEndsCountCalendarMonths() {
        // 31 March minus two months is 31 January; 30 April minus two months is 28 February (not 30th).
        assertThat(weeklyKept(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 31))).isTrue();
        assertThat(weeklyKept(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 30))).isFalse();
        assertThat(weeklyKept(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 2, 28))).isTrue();
        assertThat(weeklyKept(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 2, 27))).isFalse();
        // A leap year's 29 February.
        assertThat(weeklyKept(LocalDate.of(2028, 4, 29), LocalDate.of(2028, 2, 29))).isTrue();
        assertThat(weeklyKept(LocalDate.of(2028, 4, 29), LocalDate.of(2028, 2, 28))).isFalse();
    }

    @Test
    void missedDaysLeaveTheWeeksOnlyBackupInPlace() {
        LocalDate today = LocalDate.of(2026, 6, 20);
        LocalDate wednesday = LocalDate.of(2026, 5, 13); // its week has no other backup
        List<Backup> backups = List.of(at(wednesday, 3), at(today.minusDays(1), 3), at(today, 3));

        Decision decision = policy.decide(backups, instant(today, 4));

        assertThat(decision.keep()).containsEntry(id(wednesday, 3), Reason.WEEKLY).hasSize(3);
        assertThat(decision.delete()).isEmpty();
    }

    @Test
    void theNewestBackupIsKeptHoweverOld() {
        LocalDate today = LocalDate.of(2026, 6, 20);
        List<Backup> backups = List.of(at(today.minusMonths(6), 3), at(today.minusMonths(5), 3));

        Decision decision = policy.decide(backups, instant(today, 4));

        assertThat(decision.keep()).containsOnlyKeys(id(today.minusMonths(5), 3));
        assertThat(decision.delete()).containsExactly(id(today.minusMonths(6), 3));
    }

    @Test
    void backupsFromTheFutureAreKept() {
        // Our clock is behind (or was ahead when they were taken): deleting on a guess cannot be undone.
        LocalDate today = LocalDate.of(2026, 6, 20);
        List<Backup> backups = List.of(at(today.plusDays(3), 3), at(today.plusDays(1), 3), at(today, 3),
                at(today.minusDays(1), 3), at(today.minusDays(1), 2));

        Decision decision = policy.decide(backups, instant(today, 4));

        assertThat(decision.keep()).containsEntry(id(today.plusDays(3), 3), Reason.FUTURE)
                .containsEntry(id(today.plusDays(1), 3), Reason.FUTURE)
                .containsEntry(id(today, 3), Reason.RECENT)
                .containsEntry(id(today.minusDays(1), 3), Reason.DAILY);
        assertThat(decision.delete()).containsExactly(id(today.minusDays(1), 2));
    }

    @Test
    void aClockThatJumpedBackDoesNotLoseTheRecentBackups() {
        // Backups were taken with the clock two days ahead; now it is right again.
        LocalDate today = LocalDate.of(2026, 6, 20);
        List<Backup> backups = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            backups.add(at(today.minusDays(d).plusDays(2), 3));
        }

        Decision decision = policy.decide(backups, instant(today, 4));

        assertThat(decision.delete()).isEmpty();
        assertThat(decision.keep()).hasSize(10);
    }

    @Test
    void daysAreCountedInTheConfiguredTimeZone() {
        // 29 March 2026 is the spring DST change in Berlin; 23:30 UTC on the 29th is already the 30th there.
        List<Backup> backups = List.of(
                new Backup("a", Instant.parse("2026-03-29T00:30:00Z")),
                new Backup("b", Instant.parse("2026-03-29T23:30:00Z")),
                new Backup("c", Instant.parse("2026-03-31T03:00:00Z")));
        Instant now = Instant.parse("2026-03-31T04:00:00Z");

        assertThat(new RetentionPolicy(14, 2, ZoneId.of("Europe/Berlin")).decide(backups, now).delete()).isEmpty();
        assertThat(new RetentionPolicy(14, 2, UTC).decide(backups, now).delete()).containsExactly("a");
    }

    @Test
    void aSimulatedYearOfNightlyBackupsWithMissedDaysAndManualOnes() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        Map<String, Instant> onDisk = new HashMap<>();
        int maxKept = 0;
        for (int day = 0; day < 365; day++) {
            LocalDate date = start.plusDays(day);
            boolean missed = day % 9 == 4 || (day >= 200 && day < 205); // a failure now and then, a week down
            if (!missed) {
                onDisk.put(id(date, 3), instant(date, 3));
            }
            Instant now = instant(date, 5);
            Decision decision = policy.decide(onDisk.entrySet().stream()
                    .map(e -> new Backup(e.getKey(), e.getValue())).toList(), now);
            decision.delete().forEach(onDisk::remove);
            maxKept = Math.max(maxKept, onDisk.size());

            // Invariants after every nightly run.
            Map<LocalDate, Integer> perDay = new HashMap<>();
            Map<Long, Integer> perWeek = new HashMap<>();
            for (String id : onDisk.keySet()) {
                LocalDate d = dateOf(id);
                long age = ChronoUnit.DAYS.between(d, date);
                assertThat(d).as("nothing older than two months is kept").isAfterOrEqualTo(date.minusMonths(2));
                perDay.merge(d, 1, Integer::sum);
                if (age >= 14) {
                    perWeek.merge(week(d), 1, Integer::sum);
                }
            }
            assertThat(perDay.values()).as("one backup per day on %s", date).allMatch(n -> n == 1);
            assertThat(perWeek.values()).as("one backup per old week on %s", date).allMatch(n -> n == 1);
            for (int back = 0; back < 14 && back <= day; back++) {
                LocalDate d = date.minusDays(back);
                int dayIndex = day - back;
                boolean taken = !(dayIndex % 9 == 4 || (dayIndex >= 200 && dayIndex < 205))
                        || (back > 0 && dayIndex % 17 == 0);
                assertThat(perDay.containsKey(d)).as("day %s kept on %s", d, date).isEqualTo(taken);
            }
            if (day % 17 == 0) {
                onDisk.put(id(date, 14), instant(date, 14)); // an admin's manual backup that afternoon
            }
        }
        assertThat(maxKept).isLessThanOrEqualTo(14 + 10);
        // On 31 December: the 12 days of the last 14 that had a backup, plus the weekly ones.
        assertThat(onDisk.size()).isBetween(12 + 6, 12 + 9);
    }

    private boolean weeklyKept(LocalDate today, LocalDate candidate) {
        List<Backup> backups = List.of(at(candidate, 3), at(today, 3));
        return policy.decide(backups, instant(today, 4)).keep().containsKey(id(candidate, 3));
    }

    private static Backup at(LocalDate date, int hour) {
        return new Backup(id(date, hour), instant(date, hour));
    }

    private static Instant instant(LocalDate date, int hour) {
        return date.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private static String id(LocalDate date, int hour) {
        return date + String.format("T%02d00", hour);
    }

    private static LocalDate dateOf(String id) {
        return LocalDate.parse(id.substring(0, 10));
    }

    private static long week(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
