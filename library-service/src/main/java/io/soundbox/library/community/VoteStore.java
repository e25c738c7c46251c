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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Votes: one per user per generation. The counters on the generation row are recomputed from the votes
 * table in the same transaction, so they can never drift from the votes themselves.
 */
@ApplicationScoped
public class VoteStore {
    private final Jdbc jdbc;
    private final UserTextGuard text;

    @Inject
    public VoteStore(DataSource dataSource, UserTextGuard text) {
        this.jdbc = new Jdbc(dataSource);
        this.text = text;
    }

    public VoteStore(DataSource dataSource) {
        this(dataSource, new UserTextGuard());
    }

    /** The generation's counters and the voter's current vote (0 for none). */
    public record Tally(int upvotes, int downvotes, int userVote) {
    }

    /** A vote as history shows it. */
    public record VoteRecord(String generationId, int vote, List<String> feedbackReasons, Instant at) {
    }

    /** Sets (1, -1) or removes (0) the user's vote. */
    public Tally vote(String generationId, String userId, VoteRequest v, Instant now) {
        text.require("notes", v.notes());
        // Reasons are public (counted by reason on the feedback route), so they are user text too.
        for (String reason : v.feedbackReasons() == null ? List.<String>of() : v.feedbackReasons()) {
            text.require("feedback_reasons", reason);
        }
        return jdbc.write("record a vote on " + generationId, c -> {
            if (v.vote() == 0) {
                Jdbc.update(c, "DELETE FROM votes WHERE generation_id = ? AND user_id = ?", generationId, userId);
            } else {
                String at = SqlInstants.format(now);
                Jdbc.update(c, """
                        INSERT INTO votes (generation_id, user_id, vote, feedback_reasons, notes, suggested_model,
                                           created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (generation_id, user_id) DO UPDATE SET
                            vote = excluded.vote, feedback_reasons = excluded.feedback_reasons,
                            notes = excluded.notes, suggested_model = excluded.suggested_model,
                            updated_at = excluded.updated_at""",
                        generationId, userId, v.vote(), GenerationRepository.toJson(v.feedbackReasons()), v.notes(),
                        v.suggestedModel(), at, at);
            }
            Jdbc.update(c, """
                    UPDATE generations SET
                        upvotes = (SELECT count(*) FROM votes WHERE generation_id = ?1 AND vote = 1),
                        downvotes = (SELECT count(*) FROM votes WHERE generation_id = ?1 AND vote = -1)
                    WHERE id = ?1""", generationId);
            int up = (int) Jdbc.longValue(c, "SELECT upvotes FROM generations WHERE id = ?", generationId);
            int down = (int) Jdbc.longValue(c, "SELECT downvotes FROM generations WHERE id = ?", generationId);
            return new Tally(up, down, v.vote());
        });
    }

    /** The user's votes on the given generations (absent: no vote). */
    public Map<String, Integer> votesOf(String userId, List<String> generationIds) {
        if (generationIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.read("read votes", c -> {
            String marks = String.join(",", java.util.Collections.nCopies(generationIds.size(), "?"));
            Object[] args = new Object[generationIds.size() + 1];
            args[0] = userId;
            for (int i = 0; i < generationIds.size(); i++) {
                args[i + 1] = generationIds.get(i);
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT generation_id, vote FROM votes WHERE user_id = ?"
                    + " AND generation_id IN (" + marks + ")"); ResultSet rs = Jdbc.bind(p, args).executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** How often each feedback reason was given, split by vote direction. Notes stay private. */
    public Map<String, Map<String, Long>> feedback(String generationId) {
        return jdbc.read("read feedback", c -> {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            out.put("positive", new LinkedHashMap<>());
            out.put("negative", new LinkedHashMap<>());
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT v.vote, j.value, count(*) FROM votes v, json_each(v.feedback_reasons) j
                    WHERE v.generation_id = ? GROUP BY v.vote, j.value ORDER BY count(*) DESC, j.value""");
                 ResultSet rs = Jdbc.bind(p, generationId).executeQuery()) {
                while (rs.next()) {
                    out.get(rs.getInt(1) > 0 ? "positive" : "negative").put(rs.getString(2), rs.getLong(3));
                }
            }
            return out;
        });
    }

    /** The user's latest votes, newest first. */
    public List<VoteRecord> history(String userId, int limit) {
        return jdbc.read("read vote history", c -> {
            List<VoteRecord> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT generation_id, vote, feedback_reasons, updated_at"
                    + " FROM votes WHERE user_id = ? ORDER BY updated_at DESC LIMIT ?");
                 ResultSet rs = Jdbc.bind(p, userId, limit).executeQuery()) {
                while (rs.next()) {
                    out.add(new VoteRecord(rs.getString(1), rs.getInt(2),
                            GenerationRepository.fromJson(rs.getString(3)), SqlInstants.parse(rs.getString(4))));
                }
            }
            return out;
        });
    }
}
