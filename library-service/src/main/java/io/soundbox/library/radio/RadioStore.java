package io.soundbox.library.radio;

import io.soundbox.events.AudioKind;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import io.soundbox.library.search.Fts5Query;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * Where radio tracks come from. Public items only, always (the original's radio leaked private ones).
 *
 * <p>Shuffle and category stations never sort the library: each pick seeks to a random {@code seq} and
 * takes the first eligible row at or after it (an index seek on the primary key, or on
 * {@code generation_categories (category, seq)}), so a pick costs the same for a hundred rows or a
 * million. The other stations draw from a bounded pool (the best {@value #POOL} by their order).
 */
@ApplicationScoped
public class RadioStore {
    /** The largest pool a ranked station draws from. */
    public static final int POOL = 200;
    /** Rows read per random seek: enough to step over a few excluded or private neighbours. */
    private static final int SEEK_WINDOW = 8;

    private final Jdbc jdbc;

    @Inject
    public RadioStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Up to {@code count} random public tracks (of one kind, or in one of the categories), none excluded. */
    public List<Generation> random(AudioKind kind, List<String> categories, Set<String> excluded, int count,
                                   RandomGenerator random) {
        return jdbc.read("pick radio tracks", c -> {
            long maxSeq = Jdbc.longValue(c, "SELECT coalesce(max(seq), 0) FROM generations");
            Map<String, Generation> picked = new LinkedHashMap<>();
            if (maxSeq == 0) {
                return List.of();
            }
            int attempts = count * 4 + 4;
            for (int a = 0; a < attempts && picked.size() < count; a++) {
                long start = 1 + random.nextLong(maxSeq);
                String category = categories.isEmpty() ? null : categories.get(random.nextInt(categories.size()));
                addEligible(c, kind, category, start, SEEK_WINDOW, excluded, picked, picked.size() + 1);
            }
            if (picked.size() < count) {
                // Most of a small station is excluded: read far enough to step over every excluded row once.
                // Bounded, since the exclusions are (history and the client's list are capped).
                int window = excluded.size() + count + SEEK_WINDOW;
                long start = 1 + random.nextLong(maxSeq);
                List<String> cats = categories.isEmpty() ? java.util.Collections.singletonList(null) : categories;
                for (String category : cats) {
                    addEligible(c, kind, category, start, window, excluded, picked, count);
                    addEligible(c, kind, category, 1, window, excluded, picked, count);
                }
            }
            return new ArrayList<>(picked.values());
        });
    }

    /** Adds eligible rows at or after {@code fromSeq} (reading at most {@code window}) until {@code upTo} are picked. */
    private static void addEligible(Connection c, AudioKind kind, String category, long fromSeq, int window,
                                    Set<String> excluded, Map<String, Generation> picked, int upTo) throws SQLException {
        String kindFilter = kind == null ? "" : " AND g.kind = ?";
        List<Object> args = new ArrayList<>();
        String sql;
        if (category == null) {
            // NOT INDEXED: walk the primary key from the random seq. Otherwise the planner may pick the
            // (is_public, kind, created_at) index and sort everything after the seek (measured: 150 ms p99).
            sql = "SELECT " + GenerationRepository.COLUMNS + " FROM generations g NOT INDEXED"
                    + " WHERE g.seq >= ? AND g.is_public = 1" + kindFilter + " ORDER BY g.seq LIMIT ?";
        } else {
            // CROSS JOIN fixes the loop order: seek (category, seq) first. Left to itself the planner could walk
            // generations in seq order probing the category, which for a rare category scans the whole table.
            sql = "SELECT " + GenerationRepository.COLUMNS + " FROM generation_categories gc CROSS JOIN generations g"
                    + " ON g.seq = gc.seq WHERE gc.category = ? AND gc.seq >= ? AND g.is_public = 1" + kindFilter
                    + " ORDER BY gc.seq LIMIT ?";
            args.add(category);
        }
        args.add(fromSeq);
        if (kind != null) {
            args.add(kind.wireName());
        }
        args.add(window);
        for (Generation g : GenerationRepository.readAll(c, sql, args.toArray())) {
            if (picked.size() >= upTo) {
                return;
            }
            if (!excluded.contains(g.id()) && !picked.containsKey(g.id())) {
                picked.put(g.id(), g);
            }
        }
    }

    /** Best rated public tracks. */
    public List<Generation> topRated(AudioKind kind) {
        return pool("SELECT " + GenerationRepository.COLUMNS + " FROM generations g WHERE g.is_public = 1"
                + " AND g.upvotes > 0" + kindFilter(kind)
                + " ORDER BY (g.upvotes - g.downvotes) DESC, g.upvotes DESC LIMIT " + POOL, kindArgs(kind));
    }

    /** Newest public tracks created since {@code since}. */
    public List<Generation> newest(AudioKind kind, Instant since) {
        List<Object> args = new ArrayList<>(List.of(SqlInstants.format(since)));
        args.addAll(List.of(kindArgs(kind)));
        return pool("SELECT " + GenerationRepository.COLUMNS + " FROM generations g WHERE g.is_public = 1"
                + " AND g.created_at >= ?" + kindFilter(kind) + " ORDER BY g.created_at DESC LIMIT " + POOL,
                args.toArray());
    }

    /** Public tracks played most since {@code since}. */
    public List<Generation> trending(AudioKind kind, Instant since) {
        List<Object> args = new ArrayList<>(List.of(SqlInstants.format(since)));
        args.addAll(List.of(kindArgs(kind)));
        return pool("SELECT " + GenerationRepository.COLUMNS + " FROM (SELECT generation_id, count(*) AS n"
                + " FROM play_events WHERE played_at >= ? GROUP BY generation_id ORDER BY n DESC LIMIT 5000) t"
                + " JOIN generations g ON g.id = t.generation_id WHERE g.is_public = 1" + kindFilter(kind)
                + " ORDER BY t.n DESC LIMIT " + POOL, args.toArray());
    }

    /** The user's favorites that are public (or their own). */
    public List<Generation> favorites(String userId, AudioKind kind) {
        List<Object> args = new ArrayList<>(List.of(userId, userId));
        args.addAll(List.of(kindArgs(kind)));
        return pool("SELECT " + GenerationRepository.COLUMNS + " FROM favorites f JOIN generations g"
                + " ON g.id = f.generation_id WHERE f.user_id = ? AND (g.is_public = 1 OR g.user_id = ?)"
                + kindFilter(kind) + " ORDER BY f.created_at DESC LIMIT 500", args.toArray());
    }

    /** The best public matches of a search. */
    public List<Generation> matching(Fts5Query match, AudioKind kind) {
        List<Object> args = new ArrayList<>(List.of(GenerationRepository.textMatch(match)));
        args.addAll(List.of(kindArgs(kind)));
        return pool("SELECT " + GenerationRepository.COLUMNS + " FROM generations_fts JOIN generations g"
                + " ON g.seq = generations_fts.rowid WHERE generations_fts MATCH ? AND g.is_public = 1"
                + kindFilter(kind) + " ORDER BY " + GenerationRepository.RELEVANCE + " LIMIT " + POOL, args.toArray());
    }

    private List<Generation> pool(String sql, Object... args) {
        return jdbc.read("read a radio pool", c -> GenerationRepository.readAll(c, sql, args));
    }

    private static String kindFilter(AudioKind kind) {
        return kind == null ? "" : " AND g.kind = ?";
    }

    private static Object[] kindArgs(AudioKind kind) {
        return kind == null ? new Object[0] : new Object[] {kind.wireName()};
    }
}
