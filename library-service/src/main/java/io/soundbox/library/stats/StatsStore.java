package io.soundbox.library.stats;

import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Counts, trending and statistics. Everything here counts public items only (the original's counts and
 * trending leaked private items), except a user's own storage and the admin's system view.
 */
@ApplicationScoped
public class StatsStore {
    private final Jdbc jdbc;

    @Inject
    public StatsStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Public items with the most plays since {@code since}, most played first. */
    public List<Generation> trending(Instant since, int limit) {
        return jdbc.read("read trending", c -> GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS
                + " FROM (SELECT generation_id, count(*) AS n FROM play_events WHERE played_at >= ?"
                + " GROUP BY generation_id) t JOIN generations g ON g.id = t.generation_id WHERE g.is_public = 1"
                + " ORDER BY t.n DESC, g.created_at DESC LIMIT ?", SqlInstants.format(since), limit));
    }

    public List<Generation> mostPlayed(AudioKind kind, int limit) {
        return jdbc.read("read most played", c -> GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS
                + " FROM generations g WHERE g.is_public = 1 AND g.play_count > 0" + (kind == null ? "" : " AND g.kind = ?")
                + " ORDER BY g.play_count DESC, g.created_at DESC LIMIT ?",
                kind == null ? new Object[] {limit} : new Object[] {kind.wireName(), limit}));
    }

    /** Public items per model name of the original (music, audio, voice) and in total. */
    public Map<String, Long> kindCounts() {
        return jdbc.read("count the library", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            out.put("music", 0L);
            out.put("audio", 0L);
            out.put("voice", 0L);
            long total = 0;
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT kind, count(*) FROM generations WHERE is_public = 1 GROUP BY kind");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String name = switch (AudioKind.fromWire(rs.getString(1))) {
                        case MUSIC -> "music";
                        case SFX -> "audio";
                        case SPEECH -> "voice";
                    };
                    out.put(name, rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
            out.put("total", total);
            return out;
        });
    }

    /** Public items per category, optionally of one kind; most used first. */
    public Map<String, Long> categoryCounts(AudioKind kind) {
        return jdbc.read("count categories", c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            String sql = "SELECT gc.category, count(*) FROM generation_categories gc JOIN generations g ON g.seq = gc.seq"
                    + " WHERE g.is_public = 1" + (kind == null ? "" : " AND g.kind = ?")
                    + " GROUP BY gc.category ORDER BY count(*) DESC, gc.category";
            try (PreparedStatement p = c.prepareStatement(sql);
                 ResultSet rs = (kind == null ? Jdbc.bind(p) : Jdbc.bind(p, kind.wireName())).executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Library-wide numbers over public items. */
    public Map<String, Object> overview() {
        return jdbc.read("read statistics", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("total_generations", Jdbc.longValue(c, "SELECT count(*) FROM generations WHERE is_public = 1"));
            out.put("by_model", kindCounts());
            out.put("total_plays", Jdbc.longValue(c, "SELECT coalesce(sum(play_count), 0) FROM generations"
                    + " WHERE is_public = 1"));
            out.put("total_votes", Jdbc.longValue(c, "SELECT count(*) FROM votes v JOIN generations g"
                    + " ON g.id = v.generation_id WHERE g.is_public = 1"));
            out.put("total_favorites", Jdbc.longValue(c, "SELECT count(*) FROM favorites f JOIN generations g"
                    + " ON g.id = f.generation_id WHERE g.is_public = 1"));
            out.put("creators", Jdbc.longValue(c, "SELECT count(DISTINCT user_id) FROM generations"
                    + " WHERE is_public = 1 AND user_id IS NOT NULL"));
            return out;
        });
    }

    /** What a user made public and how it was received; {@code own} adds private numbers. */
    public Map<String, Object> user(String userId, boolean own) {
        return jdbc.read("read user statistics", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user_id", userId);
            out.put("public_generations", Jdbc.longValue(c, "SELECT count(*) FROM generations"
                    + " WHERE user_id = ? AND is_public = 1", userId));
            out.put("plays_received", Jdbc.longValue(c, "SELECT coalesce(sum(play_count), 0) FROM generations"
                    + " WHERE user_id = ? AND is_public = 1", userId));
            out.put("upvotes_received", Jdbc.longValue(c, "SELECT coalesce(sum(upvotes), 0) FROM generations"
                    + " WHERE user_id = ? AND is_public = 1", userId));
            out.put("downvotes_received", Jdbc.longValue(c, "SELECT coalesce(sum(downvotes), 0) FROM generations"
                    + " WHERE user_id = ? AND is_public = 1", userId));
            if (own) {
                out.put("private_generations", privateCount(c, userId));
                out.put("votes_cast", Jdbc.longValue(c, "SELECT count(*) FROM votes WHERE user_id = ?", userId));
                out.put("favorites", Jdbc.longValue(c, "SELECT count(*) FROM favorites WHERE user_id = ?", userId));
                out.put("plays", Jdbc.longValue(c, "SELECT count(*) FROM play_events WHERE user_id = ?", userId));
            }
            return out;
        });
    }

    public long privateCount(String userId) {
        return jdbc.read("count private items", c -> privateCount(c, userId));
    }

    private static long privateCount(java.sql.Connection c, String userId) throws java.sql.SQLException {
        // What the owner keeps private; an item waiting for review or rejected is the owner's public wish.
        return Jdbc.longValue(c, "SELECT count(*) FROM generations WHERE user_id = ? AND owner_public = 0", userId);
    }

    /** Admin view: every table's row count, private items included. */
    public Map<String, Object> system() {
        return jdbc.read("read system statistics", c -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String table : List.of("generations", "votes", "favorites", "playlists", "playlist_tracks",
                    "tag_suggestions", "play_events", "deleted_generations")) {
                out.put(table, Jdbc.longValue(c, "SELECT count(*) FROM " + table));
            }
            out.put("private_generations", Jdbc.longValue(c, "SELECT count(*) FROM generations WHERE is_public = 0"));
            out.put("pending_review", Jdbc.longValue(c, "SELECT count(*) FROM generations"
                    + " WHERE review_status = 'pending' AND owner_public = 1"));
            out.put("rejected", Jdbc.longValue(c, "SELECT count(*) FROM generations WHERE review_status = 'rejected'"));
            out.put("schema_version", Jdbc.longValue(c, "SELECT max(version) FROM schema_version"));
            out.put("page_count", Jdbc.longValue(c, "PRAGMA page_count"));
            out.put("page_size", Jdbc.longValue(c, "PRAGMA page_size"));
            return out;
        });
    }
}
