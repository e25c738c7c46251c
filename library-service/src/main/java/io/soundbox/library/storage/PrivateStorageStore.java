package io.soundbox.library.storage;

import io.soundbox.library.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A user's private generations (those the owner keeps private: {@code owner_public = 0}) as they count
 * against the tier's storage. The user's own favorites are protected from cleanup.
 */
@ApplicationScoped
public class PrivateStorageStore {
    private static final String PRIVATE = "g.user_id = ? AND g.owner_public = 0";
    private static final String FAVORITE = "EXISTS (SELECT 1 FROM favorites f WHERE f.user_id = g.user_id"
            + " AND f.generation_id = g.id)";

    /** What a cleanup re-checks inside its delete: still private, still not a favorite. */
    public static final String UNPROTECTED_PRIVATE = " AND g.owner_public = 0 AND NOT " + FAVORITE;

    private final Jdbc jdbc;

    @Inject
    public PrivateStorageStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The user's private items and how many of them the user favorited. */
    public record Usage(long used, long favoritesProtected) {
    }

    public Usage usage(String userId) {
        return jdbc.read("count private storage", c -> new Usage(
                Jdbc.longValue(c, "SELECT count(*) FROM generations g WHERE " + PRIVATE, userId),
                Jdbc.longValue(c, "SELECT count(*) FROM generations g WHERE " + PRIVATE + " AND " + FAVORITE, userId)));
    }

    /** The ids of the user's oldest private items that are not among the user's favorites. */
    public List<String> oldestUnprotected(String userId, int count) {
        if (count <= 0) {
            return List.of();
        }
        return jdbc.read("find private items to clean up", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT g.id FROM generations g WHERE " + PRIVATE
                    + " AND NOT " + FAVORITE + " ORDER BY g.created_at, g.id LIMIT ?");
                 ResultSet rs = Jdbc.bind(p, userId, count).executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }
}
