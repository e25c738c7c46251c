package io.soundbox.library.restore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * Compares the live library with the restored-and-replayed copy (ATTACHed, one read connection), row by
 * row on the state users see, and lists every difference that the restore would lose: what the live
 * library has and the copy does not, and what the live library no longer has (a deletion, a removed vote)
 * that the copy would bring back. Generations the copy has and the live library never deleted are not a
 * loss: bringing them back is what a restore is for.
 */
final class LibraryDiff {
    static final int MAX_IDS = 1000;

    /** A comparison: the SQL yields one text key per differing row. */
    private record Check(String kind, String description, String sql) {
    }

    private static final String LIVE_GENERATION = " generation_id IN (SELECT id FROM main.generations)";

    private static final List<Check> CHECKS = List.of(
            new Check("generations-lost", "generations in the live library that the restore would not have",
                    "SELECT id FROM main.generations EXCEPT SELECT id FROM r.generations"),
            new Check("deletions-undone", "deleted generations that the restore would bring back",
                    "SELECT id FROM r.generations WHERE id NOT IN (SELECT id FROM main.generations)"
                            + " AND id IN (SELECT id FROM main.deleted_generations)"),
            new Check("visibility", "generations whose visibility or review status would revert",
                    "SELECT m.id FROM main.generations m JOIN r.generations x ON x.id = m.id"
                            + " WHERE m.owner_public IS NOT x.owner_public OR m.review_status IS NOT x.review_status"
                            + " OR m.is_public IS NOT x.is_public"),
            new Check("categories", "generations whose categories or Graphlings source would revert",
                    "SELECT m.id FROM main.generations m JOIN r.generations x ON x.id = m.id"
                            + " WHERE m.category IS NOT x.category OR m.source IS NOT x.source"),
            new Check("votes", "votes (generation user) that would be lost, change or come back",
                    "SELECT generation_id || ' ' || user_id FROM (SELECT generation_id, user_id, vote FROM main.votes"
                            + " EXCEPT SELECT generation_id, user_id, vote FROM r.votes)"
                            + " UNION SELECT generation_id || ' ' || user_id FROM (SELECT generation_id, user_id, vote"
                            + " FROM r.votes EXCEPT SELECT generation_id, user_id, vote FROM main.votes) WHERE"
                            + LIVE_GENERATION),
            new Check("favorites", "favorites (generation user) that would be lost or come back",
                    "SELECT generation_id || ' ' || user_id FROM (SELECT generation_id, user_id FROM main.favorites"
                            + " EXCEPT SELECT generation_id, user_id FROM r.favorites)"
                            + " UNION SELECT generation_id || ' ' || user_id FROM (SELECT generation_id, user_id"
                            + " FROM r.favorites EXCEPT SELECT generation_id, user_id FROM main.favorites) WHERE"
                            + LIVE_GENERATION),
            new Check("playlists", "playlists that would be lost, revert or come back",
                    "SELECT id FROM (SELECT id, user_id, name, description, is_public FROM main.playlists"
                            + " EXCEPT SELECT id, user_id, name, description, is_public FROM r.playlists)"
                            + " UNION SELECT id FROM (SELECT id, user_id, name, description, is_public FROM r.playlists"
                            + " EXCEPT SELECT id, user_id, name, description, is_public FROM main.playlists)"),
            new Check("playlist-tracks", "playlist entries (playlist generation) that would be lost, move or come back",
                    "SELECT playlist_id || ' ' || generation_id FROM (SELECT playlist_id, generation_id, position"
                            + " FROM main.playlist_tracks EXCEPT SELECT playlist_id, generation_id, position FROM r.playlist_tracks)"
                            + " UNION SELECT playlist_id || ' ' || generation_id FROM (SELECT playlist_id, generation_id,"
                            + " position FROM r.playlist_tracks EXCEPT SELECT playlist_id, generation_id, position"
                            + " FROM main.playlist_tracks) WHERE" + LIVE_GENERATION),
            new Check("tag-suggestions", "open tag suggestions (generation user category) that would be lost or come back",
                    "SELECT generation_id || ' ' || user_id || ' ' || category FROM (SELECT generation_id, user_id,"
                            + " category, action FROM main.tag_suggestions EXCEPT SELECT generation_id, user_id, category,"
                            + " action FROM r.tag_suggestions) UNION SELECT generation_id || ' ' || user_id || ' ' || category"
                            + " FROM (SELECT generation_id, user_id, category, action FROM r.tag_suggestions EXCEPT"
                            + " SELECT generation_id, user_id, category, action FROM main.tag_suggestions) WHERE"
                            + LIVE_GENERATION),
            new Check("plays", "generations whose recorded plays would be fewer",
                    "SELECT m.generation_id FROM (SELECT generation_id, count(*) AS n FROM main.play_events GROUP BY"
                            + " generation_id) m LEFT JOIN (SELECT generation_id, count(*) AS n FROM r.play_events GROUP BY"
                            + " generation_id) x ON x.generation_id = m.generation_id WHERE m.n > coalesce(x.n, 0)"));

    private LibraryDiff() {
    }

    /** Restored generations that the live library lacks and never deleted (not a loss: the point of a restore). */
    private static final String RESTORED = "SELECT count(*) FROM r.generations WHERE id NOT IN"
            + " (SELECT id FROM main.generations) AND id NOT IN (SELECT id FROM main.deleted_generations)";

    record Result(List<Loss> losses, long generationsBroughtBack) {
    }

    /**
     * @throws SQLException when the live database cannot be read (missing, corrupt): then nothing can be
     *                      compared and the caller reports that instead
     */
    static Result compare(Path live, Path restored) throws SQLException {
        if (!java.nio.file.Files.isRegularFile(live)) {
            throw new SQLException(live + " does not exist");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        List<Loss> losses = new ArrayList<>();
        long broughtBack;
        try (Connection c = config.createConnection("jdbc:sqlite:" + live)) {
            try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS r")) {
                attach.setString(1, restored.toString());
                attach.execute();
            }
            for (Check check : CHECKS) {
                long count = 0;
                List<String> ids = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement(check.sql()); ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        if (ids.size() < MAX_IDS) {
                            ids.add(rs.getString(1));
                        }
                    }
                }
                if (count > 0) {
                    losses.add(new Loss(check.kind(), check.description(), count, List.copyOf(ids)));
                }
            }
            try (PreparedStatement p = c.prepareStatement(RESTORED); ResultSet rs = p.executeQuery()) {
                broughtBack = rs.next() ? rs.getLong(1) : 0;
            }
        }
        return new Result(losses, broughtBack);
    }
}
