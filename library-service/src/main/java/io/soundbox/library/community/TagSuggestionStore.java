package io.soundbox.library.community;

import io.soundbox.library.moderation.UserTextGuard;

import io.soundbox.library.persistence.GenerationRepository;
import io.soundbox.library.persistence.Jdbc;
import io.soundbox.library.persistence.SqlInstants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Tag suggestions: one open suggestion per user, generation and category. When enough distinct users
 * agree, the category change and the removal of the settled suggestions happen in the suggestion's own
 * transaction, so a consensus is applied exactly once.
 */
@ApplicationScoped
public class TagSuggestionStore {
    private final Jdbc jdbc;
    private final UserTextGuard text;

    @Inject
    public TagSuggestionStore(DataSource dataSource, UserTextGuard text) {
        this.jdbc = new Jdbc(dataSource);
        this.text = text;
    }

    public TagSuggestionStore(DataSource dataSource) {
        this(dataSource, new UserTextGuard());
    }

    /** @throws UserTextGuard.ContentNotAllowedException when the category holds a blocked word */
    public void requireAllowed(String category) {
        text.require("category", category);
    }

    /**
     * @param agreeing   distinct users who suggest this change now (the caller included)
     * @param categories the generation's categories after this suggestion, changed or not
     * @param applied    whether this suggestion completed a consensus and changed the categories
     */
    public record SuggestionResult(long agreeing, int threshold, boolean applied, List<String> categories) {
    }

    public record SuggestionCount(String category, String action, long users, boolean mine) {
    }

    public SuggestionResult suggest(String generationId, String userId, String category, TagConsensus.Action action,
                                    TagConsensus consensus, Instant now) {
        requireAllowed(category);
        String act = action.name().toLowerCase(Locale.ROOT);
        return jdbc.write("record a tag suggestion", c -> {
            Jdbc.update(c, "INSERT OR REPLACE INTO tag_suggestions (generation_id, user_id, category, action,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)", generationId, userId, category, act,
                    SqlInstants.format(now));
            long agreeing = Jdbc.longValue(c, "SELECT count(DISTINCT user_id) FROM tag_suggestions"
                    + " WHERE generation_id = ? AND category = ? AND action = ?", generationId, category, act);
            List<String> current;
            try (PreparedStatement p = c.prepareStatement("SELECT category FROM generations WHERE id = ?");
                 ResultSet rs = Jdbc.bind(p, generationId).executeQuery()) {
                current = rs.next() ? GenerationRepository.fromJson(rs.getString(1)) : List.of();
            }
            Optional<List<String>> next = consensus.apply(current, category, action, agreeing);
            if (agreeing >= consensus.threshold()) {
                // Settled either way (applied now, or already so): the open suggestions are done.
                Jdbc.update(c, "DELETE FROM tag_suggestions WHERE generation_id = ? AND category = ?",
                        generationId, category);
            }
            if (next.isEmpty()) {
                return new SuggestionResult(agreeing, consensus.threshold(), false, current);
            }
            Jdbc.update(c, "UPDATE generations SET category = ?, updated_at = ? WHERE id = ?",
                    GenerationRepository.toJson(next.get()), SqlInstants.format(now), generationId);
            return new SuggestionResult(agreeing, consensus.threshold(), true, next.get());
        });
    }

    /** @return true when the user had an open suggestion for the category */
    public boolean cancel(String generationId, String userId, String category) {
        return jdbc.write("cancel a tag suggestion", c -> Jdbc.update(c, "DELETE FROM tag_suggestions"
                + " WHERE generation_id = ? AND user_id = ? AND category = ?", generationId, userId, category) > 0);
    }

    /** Open suggestions per category and action; {@code mine} marks the viewer's own (null viewer: none). */
    public List<SuggestionCount> open(String generationId, String viewerId) {
        return jdbc.read("read tag suggestions", c -> {
            List<SuggestionCount> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT category, action, count(*), max(user_id = ?) FROM tag_suggestions
                    WHERE generation_id = ? GROUP BY category, action ORDER BY count(*) DESC, category, action""");
                 ResultSet rs = Jdbc.bind(p, viewerId, generationId).executeQuery()) {
                while (rs.next()) {
                    out.add(new SuggestionCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4) == 1));
                }
            }
            return out;
        });
    }
}
