package io.soundbox.library.playlist;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.moderation.UserTextGuard;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Playlists and their ordered tracks. Ownership is checked by the caller of this store. */
@ApplicationScoped
public class PlaylistStore {
    /** The original accepted reorders of up to 500 tracks: a playlist holds at most that many. */
    public static final int MAX_TRACKS = 500;
    private static final String COLUMNS = "p.id, p.user_id, p.name, p.description, p.is_public, p.created_at,"
            + " p.updated_at, (SELECT count(*) FROM playlist_tracks t WHERE t.playlist_id = p.id) AS track_count";

    private final Jdbc jdbc;
    private final UserTextGuard text;

    @Inject
    public PlaylistStore(DataSource dataSource, UserTextGuard text) {
        this.jdbc = new Jdbc(dataSource);
        this.text = text;
    }

    public PlaylistStore(DataSource dataSource) {
        this(dataSource, new UserTextGuard());
    }

    /** Why a track change was refused. */
    public static class TrackChangeException extends RuntimeException {
        public TrackChangeException(String message) {
            super(message);
        }
    }

    public Playlist create(String userId, String name, String description, boolean isPublic, Instant now) {
        text.require("name", name);
        text.require("description", description);
        String id = "pl-" + UUID.randomUUID();
        String at = SqlInstants.format(now);
        jdbc.write("create a playlist", c -> Jdbc.update(c, "INSERT INTO playlists (id, user_id, name, description,"
                + " is_public, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", id, userId, name, description,
                isPublic, at, at));
        return find(id).orElseThrow();
    }

    public Optional<Playlist> find(String id) {
        return jdbc.read("read a playlist", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM playlists p WHERE p.id = ?");
                 ResultSet rs = Jdbc.bind(p, id).executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    public List<Playlist> ownedBy(String userId) {
        return jdbc.read("list playlists", c -> {
            List<Playlist> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM playlists p WHERE p.user_id = ? ORDER BY p.updated_at DESC, p.id LIMIT 1000");
                 ResultSet rs = Jdbc.bind(p, userId).executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    /** The tracks in order, without those the viewer may not see (made private by their owner). */
    public List<Generation> tracks(String playlistId, Caller viewer) {
        return jdbc.read("read playlist tracks", c -> {
            String visible = viewer.admin() ? "" : viewer.isAnonymous() ? " AND g.is_public = 1"
                    : " AND (g.is_public = 1 OR g.user_id = ?)";
            Object[] args = viewer.admin() || viewer.isAnonymous() ? new Object[] {playlistId}
                    : new Object[] {playlistId, viewer.userId()};
            return GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS
                    + " FROM playlist_tracks t JOIN generations g ON g.id = t.generation_id WHERE t.playlist_id = ?"
                    + visible + " ORDER BY t.position", args);
        });
    }

    /** Null arguments keep the current value. */
    public void update(String id, String name, String description, Boolean isPublic, Instant now) {
        text.require("name", name);
        text.require("description", description);
        jdbc.write("update a playlist", c -> Jdbc.update(c, """
                UPDATE playlists SET name = coalesce(?, name), description = coalesce(?, description),
                    is_public = coalesce(?, is_public), updated_at = ? WHERE id = ?""",
                name, description, isPublic == null ? null : (isPublic ? 1 : 0), SqlInstants.format(now), id));
    }

    public boolean delete(String id) {
        return jdbc.write("delete a playlist", c -> Jdbc.update(c, "DELETE FROM playlists WHERE id = ?", id) > 0);
    }

    /** Appends a track; @return false when it was already in the playlist */
    public boolean addTrack(String id, String generationId, Instant now) {
        return jdbc.write("add a track", c -> {
            long count = Jdbc.longValue(c, "SELECT count(*) FROM playlist_tracks WHERE playlist_id = ?", id);
            if (Jdbc.longValue(c, "SELECT count(*) FROM playlist_tracks WHERE playlist_id = ? AND generation_id = ?",
                    id, generationId) > 0) {
                return false;
            }
            if (count >= MAX_TRACKS) {
                throw new TrackChangeException("a playlist holds at most " + MAX_TRACKS + " tracks");
            }
            long next = Jdbc.longValue(c, "SELECT coalesce(max(position) + 1, 0) FROM playlist_tracks"
                    + " WHERE playlist_id = ?", id);
            String at = SqlInstants.format(now);
            Jdbc.update(c, "INSERT INTO playlist_tracks (playlist_id, generation_id, position, added_at)"
                    + " VALUES (?, ?, ?, ?)", id, generationId, next, at);
            touch(c, id, at);
            return true;
        });
    }

    /** @return false when the track was not in the playlist */
    public boolean removeTrack(String id, String generationId, Instant now) {
        return jdbc.write("remove a track", c -> {
            boolean removed = Jdbc.update(c, "DELETE FROM playlist_tracks WHERE playlist_id = ? AND generation_id = ?",
                    id, generationId) > 0;
            if (removed) {
                renumber(c, id, currentOrder(c, id));
                touch(c, id, SqlInstants.format(now));
            }
            return removed;
        });
    }

    /**
     * Puts the tracks in the given order, which must name every track of the playlist exactly once.
     *
     * @throws TrackChangeException when it does not
     */
    public void reorder(String id, List<String> order, Instant now) {
        jdbc.write("reorder a playlist", c -> {
            List<String> current = currentOrder(c, id);
            if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))
                    || new HashSet<>(order).size() != order.size()) {
                throw new TrackChangeException("track_order must list each of the playlist's " + current.size()
                        + " tracks exactly once");
            }
            renumber(c, id, order);
            touch(c, id, SqlInstants.format(now));
            return null;
        });
    }

    private static List<String> currentOrder(Connection c, String id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT generation_id FROM playlist_tracks"
                + " WHERE playlist_id = ? ORDER BY position"); ResultSet rs = Jdbc.bind(p, id).executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void renumber(Connection c, String id, List<String> order) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE playlist_tracks SET position = ?"
                + " WHERE playlist_id = ? AND generation_id = ?")) {
            for (int i = 0; i < order.size(); i++) {
                Jdbc.bind(p, i, id, order.get(i)).addBatch();
            }
            p.executeBatch();
        }
    }

    private static void touch(Connection c, String id, String at) throws SQLException {
        Jdbc.update(c, "UPDATE playlists SET updated_at = ? WHERE id = ?", at, id);
    }

    private static Playlist read(ResultSet rs) throws SQLException {
        return new Playlist(rs.getString("id"), rs.getString("user_id"), rs.getString("name"),
                rs.getString("description"), rs.getInt("is_public") == 1, rs.getInt("track_count"),
                SqlInstants.parse(rs.getString("created_at")), SqlInstants.parse(rs.getString("updated_at")));
    }
}
