package io.soundbox.library.community;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.Page;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/** A user's favorites. Favorited items the user can no longer see (made private by others) are hidden. */
@ApplicationScoped
public class FavoriteStore {
    private static final String VISIBLE = "(g.is_public = 1 OR g.user_id = ?)";
    private final Jdbc jdbc;

    @Inject
    public FavoriteStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** @return true when it was not a favorite before */
    public boolean add(String userId, String generationId, Instant now) {
        return jdbc.write("add a favorite", c -> Jdbc.update(c, "INSERT OR IGNORE INTO favorites (user_id, generation_id,"
                + " created_at) VALUES (?, ?, ?)", userId, generationId, SqlInstants.format(now)) > 0);
    }

    /** @return true when it was a favorite */
    public boolean remove(String userId, String generationId) {
        return jdbc.write("remove a favorite", c -> Jdbc.update(c,
                "DELETE FROM favorites WHERE user_id = ? AND generation_id = ?", userId, generationId) > 0);
    }

    public Page<Generation> list(Caller user, int page, int perPage) {
        return jdbc.read("list favorites", c -> {
            String from = " FROM favorites f JOIN generations g ON g.id = f.generation_id WHERE f.user_id = ?"
                    + (user.admin() ? "" : " AND " + VISIBLE);
            Object[] args = user.admin() ? new Object[] {user.userId()} : new Object[] {user.userId(), user.userId()};
            long total = Jdbc.longValue(c, "SELECT count(*)" + from, args);
            List<Object> paged = new ArrayList<>(List.of(args));
            paged.add(perPage);
            paged.add((long) (page - 1) * perPage);
            List<Generation> items = GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS + from
                    + " ORDER BY f.created_at DESC, g.id LIMIT ? OFFSET ?", paged.toArray());
            return new Page<>(items, total, page, perPage);
        });
    }

    /** Which of the ids the user has favorited. */
    public List<String> favoritedAmong(String userId, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.read("check favorites", c -> {
            Object[] args = new Object[ids.size() + 1];
            args[0] = userId;
            for (int i = 0; i < ids.size(); i++) {
                args[i + 1] = ids.get(i);
            }
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT generation_id FROM favorites WHERE user_id = ?"
                    + " AND generation_id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")");
                 ResultSet rs = Jdbc.bind(p, args).executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    public long countFor(String generationId) {
        return jdbc.read("count favorites", c -> Jdbc.longValue(c,
                "SELECT count(*) FROM favorites WHERE generation_id = ?", generationId));
    }
}
