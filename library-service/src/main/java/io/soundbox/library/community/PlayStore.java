package io.soundbox.library.community;

import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Play events and the play counter. A play by the same listener (user, else session) of the same
 * generation within the de-duplication window is not counted again: a player that reports every
 * restart, or a double click, must not inflate the counts.
 */
@ApplicationScoped
public class PlayStore {
    private final Jdbc jdbc;

    @Inject
    public PlayStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The counters after a play; {@code counted} is false for a de-duplicated repeat. */
    public record PlayResult(boolean counted, long playCount, long uniquePlays) {
    }

    public record PlayRecord(String generationId, String source, Double duration, Instant at) {
    }

    /**
     * @param listener {@code u:<user>} or {@code s:<session>}, null when neither is known (always counted)
     */
    public PlayResult record(String generationId, String userId, String listener, String source, Double duration,
                             Instant now, Duration dedupWindow) {
        return jdbc.write("record a play of " + generationId, c -> {
            boolean repeat = listener != null && Jdbc.longValue(c, """
                    SELECT count(*) FROM play_events
                    WHERE generation_id = ? AND listener = ? AND played_at > ?""",
                    generationId, listener, SqlInstants.format(now.minus(dedupWindow))) > 0;
            if (!repeat) {
                Jdbc.update(c, "INSERT INTO play_events (generation_id, user_id, listener, source, duration, played_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", generationId, userId, listener, source, duration,
                        SqlInstants.format(now));
                Jdbc.update(c, "UPDATE generations SET play_count = play_count + 1 WHERE id = ?", generationId);
            }
            long plays = Jdbc.longValue(c, "SELECT play_count FROM generations WHERE id = ?", generationId);
            return new PlayResult(!repeat, plays, uniquePlays(c, generationId));
        });
    }

    public long uniquePlays(String generationId) {
        return jdbc.read("count unique plays", c -> uniquePlays(c, generationId));
    }

    private static long uniquePlays(java.sql.Connection c, String generationId) throws java.sql.SQLException {
        return Jdbc.longValue(c, "SELECT count(DISTINCT listener) FROM play_events WHERE generation_id = ?"
                + " AND listener IS NOT NULL", generationId);
    }

    /** Plays per source (radio, library, ...). */
    public Map<String, Long> bySource(String generationId) {
        return jdbc.read("count plays by source", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT source, count(*) FROM play_events"
                    + " WHERE generation_id = ? GROUP BY source ORDER BY count(*) DESC, source");
                 ResultSet rs = Jdbc.bind(p, generationId).executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    public List<PlayRecord> history(String userId, int limit) {
        return jdbc.read("read play history", c -> {
            List<PlayRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT generation_id, source, duration, played_at"
                    + " FROM play_events WHERE user_id = ? ORDER BY played_at DESC LIMIT ?");
                 ResultSet rs = Jdbc.bind(p, userId, limit).executeQuery()) {
                while (rs.next()) {
                    double d = rs.getDouble(3);
                    Double duration = rs.wasNull() ? null : d;
                    out.add(new PlayRecord(rs.getString(1), rs.getString(2), duration,
                            SqlInstants.parse(rs.getString(4))));
                }
            }
            return out;
        });
    }
}
