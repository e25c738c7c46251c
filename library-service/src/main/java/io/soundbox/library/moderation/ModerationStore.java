package io.soundbox.library.moderation;

import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.Page;
import io.soundbox.library.domain.ReviewStatus;
import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The moderation columns of {@code generations}: the owner's wish, the review decision, and the queue
 * of items waiting for one. The effective {@code is_public} follows from both through the V3 triggers.
 * Blocking JDBC: worker threads only.
 */
@ApplicationScoped
public class ModerationStore {
    /** The visibility of one item after a change. */
    public record State(boolean ownerPublic, ReviewStatus status, boolean isPublic, boolean changed) {
    }

    private final Jdbc jdbc;

    @Inject
    public ModerationStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * The owner's wish changed: one transaction reads the current state, lets the policy decide the review
     * status and writes both.
     *
     * @return the new state, empty when there is no such item
     */
    public Optional<State> setOwnerVisibility(String id, boolean nowPublic, ModerationPolicy policy, Instant at) {
        return jdbc.write("change the visibility of " + id, c -> {
            Optional<State> current = state(c, id);
            if (current.isEmpty()) {
                return current;
            }
            ReviewStatus status = policy.onOwnerChange(current.get().status(), current.get().ownerPublic(), nowPublic);
            boolean changed = current.get().ownerPublic() != nowPublic || current.get().status() != status;
            if (changed) {
                Jdbc.update(c, "UPDATE generations SET owner_public = ?, review_status = ?, updated_at = ? WHERE id = ?",
                        nowPublic, status.wireName(), SqlInstants.format(at), id);
            }
            return Optional.of(new State(nowPublic, status, ModerationPolicy.effective(nowPublic, status), changed));
        });
    }

    /**
     * Records an admin's decision on each item, all in one transaction.
     *
     * @return the new state of every item that exists, by id, in the order given
     */
    public Map<String, State> decide(List<String> ids, ReviewStatus decision, String reviewedBy, Instant at) {
        return jdbc.write("record a moderation decision", c -> {
            Map<String, State> out = new LinkedHashMap<>();
            for (String id : ids) {
                Optional<State> current = state(c, id);
                if (current.isEmpty()) {
                    continue;
                }
                Jdbc.update(c, "UPDATE generations SET review_status = ?, reviewed_at = ?, reviewed_by = ?,"
                                + " updated_at = ? WHERE id = ?", decision.wireName(), SqlInstants.format(at), reviewedBy,
                        SqlInstants.format(at), id);
                boolean ownerPublic = current.get().ownerPublic();
                out.put(id, new State(ownerPublic, decision, ModerationPolicy.effective(ownerPublic, decision),
                        current.get().status() != decision));
            }
            return out;
        });
    }

    /**
     * Deletes the items as an owner delete does (cascades, tombstones against replays), all in one
     * transaction. Files are the caller's business afterwards.
     *
     * @return the deleted rows, in the order given; unknown ids are left out
     */
    public List<Generation> deleteAll(List<String> ids, String deletedBy, Instant at) {
        return deleteAll(ids, deletedBy, at, "");
    }

    /**
     * As {@link #deleteAll(List, String, Instant)}, deleting only rows that still meet {@code guard} (a fixed
     * SQL fragment on {@code g} starting with AND, never user input) when the transaction runs.
     */
    public List<Generation> deleteAll(List<String> ids, String deletedBy, Instant at, String guard) {
        return jdbc.write("delete " + ids.size() + " generation(s)", c -> {
            List<Generation> deleted = new ArrayList<>();
            for (String id : ids) {
                List<Generation> row = GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS
                        + " FROM generations g WHERE g.id = ?" + guard, id);
                if (row.isEmpty()) {
                    continue;
                }
                Jdbc.update(c, "DELETE FROM generations WHERE id = ?", id);
                Jdbc.update(c, "INSERT OR REPLACE INTO deleted_generations (id, user_id, deleted_at) VALUES (?, ?, ?)",
                        id, deletedBy, SqlInstants.format(at));
                deleted.add(row.get(0));
            }
            return deleted;
        });
    }

    /**
     * The items of one review status, oldest first. Pending lists only items whose owner still wants them
     * public: one made private again has nothing left to review.
     */
    public Page<Generation> queue(ReviewStatus status, int page, int perPage) {
        // The literal term lets SQLite use the partial index of items under review (V3).
        String where = " FROM generations g WHERE g.review_status = ?"
                + (status == ReviewStatus.APPROVED ? "" : " AND g.review_status <> 'approved'")
                + (status == ReviewStatus.PENDING ? " AND g.owner_public = 1" : "");
        return jdbc.read("read the moderation queue", c -> {
            long total = Jdbc.longValue(c, "SELECT count(*)" + where, status.wireName());
            List<Generation> items = GenerationRepository.readAll(c, "SELECT " + GenerationRepository.COLUMNS + where
                    + " ORDER BY g.created_at, g.id LIMIT ? OFFSET ?", status.wireName(), perPage,
                    (long) (page - 1) * perPage);
            return new Page<>(items, total, page, perPage);
        });
    }

    private static Optional<State> state(Connection c, String id) throws SQLException {
        try (var p = c.prepareStatement("SELECT owner_public, review_status, is_public FROM generations WHERE id = ?")) {
            p.setString(1, id);
            try (var rs = p.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new State(rs.getInt(1) == 1, ReviewStatus.fromWire(rs.getString(2)),
                        rs.getInt(3) == 1, false));
            }
        }
    }
}
