package io.soundbox.library.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soundbox.events.AudioKind;
import io.soundbox.library.auth.Caller;
import io.soundbox.library.config.LibraryConfig;
import io.soundbox.library.domain.Generation;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.Page;
import io.soundbox.library.domain.ReviewStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code generations} table. Plain JDBC: every method borrows a connection for one statement (or
 * one read transaction) and gives it back, so callers never hold the single SQLite write lock for long.
 * Blocking: call it from worker threads only.
 */
@ApplicationScoped
public class GenerationRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    /** The columns {@link #read} expects, of the table aliased {@code g}. */
    public static final String COLUMNS = "g.id, g.filename, g.prompt, g.model, g.kind, g.duration, g.sample_rate,"
            + " g.category, g.user_id, g.is_public, g.is_loop, g.upvotes, g.downvotes, g.play_count,"
            + " g.download_count, g.quality_score, g.spectrogram, g.voice, g.created_at, g.updated_at,"
            + " g.owner_public, g.review_status, g.source";

    /*
     * Re-delivery of an event may only refresh the facts of the file (a quality retry replaces it).
     * Everything people changed since (votes, plays, visibility, moderation decisions, source, curated
     * categories) stays, and an
     * identical replay changes nothing at all, updated_at included.
     * One statement stores up to UPSERT_ROWS rows given as VALUES (column1 .. column18, in the order of
     * the column list): per-statement work (trigger programs, FTS5 savepoints) is most of the cost of a row.
     */
    private static final int UPSERT_COLUMNS = 18;
    static final int UPSERT_ROWS = 100;
    private static final String UPSERT = """
            INSERT INTO generations (id, filename, prompt, model, kind, duration, sample_rate, category, user_id,
                                     is_public, is_loop, quality_score, spectrogram, voice, created_at, updated_at,
                                     owner_public, review_status)
            SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8,
                   v.column9, v.column10, v.column11, v.column12, v.column13, v.column14, v.column15, v.column16,
                   v.column17, v.column18
            FROM (%s) AS v
            WHERE NOT EXISTS (SELECT 1 FROM deleted_generations d WHERE d.id = v.column1)
            ON CONFLICT (id) DO UPDATE SET
                filename = excluded.filename,
                duration = excluded.duration,
                sample_rate = excluded.sample_rate,
                is_loop = excluded.is_loop,
                quality_score = excluded.quality_score,
                spectrogram = excluded.spectrogram,
                updated_at = excluded.updated_at
            WHERE generations.filename IS NOT excluded.filename
               OR generations.duration IS NOT excluded.duration
               OR generations.sample_rate IS NOT excluded.sample_rate
               OR generations.is_loop IS NOT excluded.is_loop
               OR generations.quality_score IS NOT excluded.quality_score
               OR generations.spectrogram IS NOT excluded.spectrogram
            RETURNING seq, id""";

    /** What storing one generation did. */
    public enum Outcome {
        INSERTED, UPDATED, UNCHANGED,
        /** The owner deleted this generation earlier: a replay does not bring it back. */
        DELETED_BEFORE;

        public boolean changed() {
            return this == INSERTED || this == UPDATED;
        }
    }

    /** Defaults of {@code soundbox.library.search.*}. */
    public static final int DEFAULT_MAX_MATCHES = 1000;
    public static final int DEFAULT_LIST_COUNT_CAP = 10_000;

    private final DataSource dataSource;
    private final Jdbc jdbc;
    private final int maxMatches;
    private final int listCountCap;

    @Inject
    public GenerationRepository(DataSource dataSource, LibraryConfig config) {
        this(dataSource, config.library().search().maxMatches(), config.library().search().listCountCap());
    }

    public GenerationRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_MAX_MATCHES, DEFAULT_LIST_COUNT_CAP);
    }

    public GenerationRepository(DataSource dataSource, int maxMatches, int listCountCap) {
        if (maxMatches < 1 || listCountCap < 1) {
            throw new IllegalArgumentException("search bounds must be positive");
        }
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.maxMatches = maxMatches;
        this.listCountCap = listCountCap;
    }

    /**
     * Inserts a new generation or refreshes the file facts of an existing one (same id).
     *
     * @return true when a row was inserted or changed, false for a replay that changed nothing
     */
    public boolean upsert(Generation g) {
        return upsertAll(List.of(g)).get(0).changed();
    }

    /**
     * Stores a batch in one transaction (one fsync for the lot: that is what makes bulk ingestion fast),
     * in multi-row statements. Two events of one generation in a batch apply in order: a repeated id starts
     * a new statement.
     *
     * @return one outcome per generation, in order
     */
    public List<Outcome> upsertAll(List<Generation> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        // A new row gets a seq above every seq before this batch (INTEGER PRIMARY KEY picks max + 1), and a
        // first sighting of it in this batch: that is an insert. No returned row: unchanged, or deleted before.
        return jdbc.write("store " + batch.size() + " generation(s)", c -> {
            Outcome[] outcomes = new Outcome[batch.size()];
            long maxSeqBefore = Jdbc.longValue(c, "SELECT coalesce(max(seq), 0) FROM generations");
            java.util.Set<Long> seen = new java.util.HashSet<>();
            java.util.Map<Integer, PreparedStatement> statements = new java.util.HashMap<>();
            try (PreparedStatement deleted = c.prepareStatement("SELECT 1 FROM deleted_generations WHERE id = ?")) {
                int from = 0;
                while (from < batch.size()) {
                    int to = chunkEnd(batch, from);
                    PreparedStatement upsert = statements.get(to - from);
                    if (upsert == null) {
                        upsert = c.prepareStatement(upsertSql(to - from));
                        statements.put(to - from, upsert);
                    }
                    java.util.Map<String, Long> stored = new java.util.HashMap<>();
                    for (int i = from; i < to; i++) {
                        bindUpsert(upsert, (i - from) * UPSERT_COLUMNS, batch.get(i));
                    }
                    try (ResultSet rs = upsert.executeQuery()) {
                        while (rs.next()) {
                            stored.put(rs.getString(2), rs.getLong(1));
                        }
                    }
                    for (int i = from; i < to; i++) {
                        Generation g = batch.get(i);
                        Long seq = stored.get(g.id());
                        if (seq == null) {
                            outcomes[i] = present(deleted, g.id()) ? Outcome.DELETED_BEFORE : Outcome.UNCHANGED;
                        } else {
                            outcomes[i] = seq > maxSeqBefore && seen.add(seq) ? Outcome.INSERTED : Outcome.UPDATED;
                        }
                    }
                    from = to;
                }
            } finally {
                for (PreparedStatement p : statements.values()) {
                    p.close();
                }
            }
            if (!seen.isEmpty()) {
                indexNewRows(c, maxSeqBefore);
            }
            return List.of(outcomes);
        });
    }

    /*
     * The search index and the category rows of the rows this batch inserted, set-based (migration V5 says
     * why they are not row triggers). Updates and deletes keep their triggers.
     */
    private static final String INDEX_NEW_TEXT = """
            INSERT INTO generations_fts (rowid, prompt, category, owner_key)
            SELECT seq, prompt, category, owner_key FROM generations WHERE seq > ?""";
    private static final String INDEX_NEW_CATEGORIES = """
            INSERT OR IGNORE INTO generation_categories (category, seq)
            SELECT j.value, g.seq FROM generations g, json_each(g.category) j WHERE g.seq > ?""";

    private static void indexNewRows(Connection c, long maxSeqBefore) throws SQLException {
        for (String sql : List.of(INDEX_NEW_TEXT, INDEX_NEW_CATEGORIES)) {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, maxSeqBefore);
                p.executeUpdate();
            }
        }
    }

    /** The end of the chunk that starts at from: at most UPSERT_ROWS rows, no id twice. */
    private static int chunkEnd(List<Generation> batch, int from) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        int to = from;
        while (to < batch.size() && to - from < UPSERT_ROWS && ids.add(batch.get(to).id())) {
            to++;
        }
        return to;
    }

    private static String upsertSql(int rows) {
        String row = "(" + String.join(", ", java.util.Collections.nCopies(UPSERT_COLUMNS, "?")) + ")";
        return UPSERT.formatted("VALUES " + String.join(", ", java.util.Collections.nCopies(rows, row)));
    }

    private static boolean present(PreparedStatement p, String id) throws SQLException {
        p.setString(1, id);
        try (ResultSet rs = p.executeQuery()) {
            return rs.next();
        }
    }

    private static void bindUpsert(PreparedStatement p, int offset, Generation g) throws SQLException {
        int i = offset;
        p.setString(++i, g.id());
        p.setString(++i, g.filename());
        p.setString(++i, g.prompt());
        p.setString(++i, g.model());
        p.setString(++i, g.kind().wireName());
        p.setDouble(++i, g.durationSeconds());
        p.setInt(++i, g.sampleRate());
        p.setString(++i, toJson(g.categories()));
        p.setString(++i, g.userId());
        p.setInt(++i, g.isPublic() ? 1 : 0);
        p.setInt(++i, g.isLoop() ? 1 : 0);
        if (g.qualityScore() == null) {
            p.setNull(++i, Types.INTEGER);
        } else {
            p.setInt(++i, g.qualityScore());
        }
        p.setString(++i, g.spectrogram());
        p.setString(++i, g.voice());
        p.setString(++i, SqlInstants.format(g.createdAt()));
        p.setString(++i, SqlInstants.format(g.updatedAt()));
        p.setInt(++i, g.ownerPublic() ? 1 : 0);
        p.setString(++i, g.reviewStatus().wireName());
    }

    /** Any generation, public or not (owners and ingestion checks). */
    public Optional<Generation> findById(String id) {
        return findOne("SELECT " + COLUMNS + " FROM generations g WHERE g.id = ?", id);
    }

    /** A generation the public library shows. */
    public Optional<Generation> findPublicById(String id) {
        return findOne("SELECT " + COLUMNS + " FROM generations g WHERE g.id = ? AND g.is_public = 1", id);
    }

    /** A generation the viewer may see: public, their own, or any for an admin. */
    public Optional<Generation> findVisible(String id, Caller viewer) {
        return findById(id).filter(g -> viewer.maySee(g.isPublic(), g.userId()));
    }

    /**
     * Deletes a generation and everything that names it (votes, favorites, playlist entries, plays, tag
     * suggestions: ON DELETE CASCADE), and leaves a tombstone so that a replay of its event does not
     * bring it back. One transaction.
     *
     * @return the deleted row, empty when there was none
     */
    public Optional<Generation> delete(String id, String deletedBy, java.time.Instant at) {
        return jdbc.write("delete generation " + id, c -> {
            Optional<Generation> row;
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM generations g WHERE g.id = ?")) {
                p.setString(1, id);
                try (ResultSet rs = p.executeQuery()) {
                    row = rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
            if (row.isEmpty()) {
                return row;
            }
            Jdbc.update(c, "DELETE FROM generations WHERE id = ?", id);
            Jdbc.update(c, "INSERT OR REPLACE INTO deleted_generations (id, user_id, deleted_at) VALUES (?, ?, ?)",
                    id, deletedBy, SqlInstants.format(at));
            return row;
        });
    }


    /**
     * One page of the library as the query's viewer may see it, and the number of items it holds: exact up
     * to a cap, then the cap with {@link Page#totalIsEstimate()} (see {@link LibraryListSql}).
     */
    public Page<Generation> list(LibraryQuery q) {
        LibraryListSql sql = LibraryListSql.of(q, COLUMNS);
        // Count and page run as autocommit reads, not one transaction: with transaction_mode=IMMEDIATE
        // a transaction would take the write lock. An item ingested in between can shift a total by one.
        try (Connection c = dataSource.getConnection()) {
            return sql.isSearch() ? search(c, sql, q) : browse(c, sql, q);
        } catch (SQLException e) {
            throw new LibraryStoreException("cannot list the library: " + e.getMessage(), e);
        }
    }

    private Page<Generation> browse(Connection c, LibraryListSql sql, LibraryQuery q) throws SQLException {
        long counted = count(c, sql, listCountCap + 1L);
        boolean estimate = counted > listCountCap;
        long total = Math.min(counted, listCountCap);
        List<Generation> items = new ArrayList<>();
        if (q.offset() < total || estimate) {
            try (PreparedStatement p = c.prepareStatement(sql.page())) {
                sql.bindPage(p);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        items.add(read(rs));
                    }
                }
            }
        }
        return new Page<>(items, total, q.page(), q.perPage(), estimate);
    }

    /**
     * The newest maxMatches + 1 matches are collected (the one more tells whether there are more), ranked,
     * and the page is cut from the first maxMatches of them; the same pass counts them.
     */
    private Page<Generation> search(Connection c, LibraryListSql sql, LibraryQuery q) throws SQLException {
        long window = maxMatches + 1L;
        long pageSize = Math.max(0, Math.min(q.perPage(), maxMatches - q.offset()));
        long matches = -1;
        List<Generation> items = new ArrayList<>();
        if (pageSize > 0) {
            try (PreparedStatement p = c.prepareStatement(sql.searchPage())) {
                sql.bindSearch(p, window, pageSize);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        matches = rs.getLong("matches");
                        items.add(read(rs));
                    }
                }
            }
        }
        if (matches < 0) {
            // no row on this page, so none carried the count: a page beyond the last, or nothing matched
            matches = q.offset() == 0 && pageSize > 0 ? 0 : count(c, sql, window);
        }
        return new Page<>(items, Math.min(matches, maxMatches), q.page(), q.perPage(), matches > maxMatches);
    }

    private static long count(Connection c, LibraryListSql sql, long limit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql.count())) {
            sql.bindCount(p, limit);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Relevance of a search match (lower is better): a match in the prompt weighs twice one in the
     * categories; the owner column, which only narrows a search to one user's items, weighs nothing.
     */
    public static final String RELEVANCE = "bm25(generations_fts, 2.0, 1.0, 0.0)";

    /**
     * The MATCH expression of a user's search: the words, in the text columns of the search index (prompt
     * and category). owner_key holds tokens such as {@code u757365722d31} (V6), which a searched word or
     * prefix such as "u75" must not match; only a word that starts with u once FTS5 has folded its case and
     * accents can, so only such words carry the column filter, which costs broad searches 15-30%.
     */
    public static String textMatch(io.soundbox.library.search.Fts5Query words) {
        return words.expression("{prompt category}", GenerationRepository::couldMatchAnOwnerToken);
    }

    /** True for a word that folds to one starting with u (unicode61 folds case and diacritics: ü, Ú). */
    static boolean couldMatchAnOwnerToken(String word) {
        String folded = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFKD);
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                return Character.toLowerCase(cp) == 'u';
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Reads generations with a statement that selects {@link #COLUMNS} from {@code generations g}. */
    public static List<Generation> readAll(Connection c, String sql, Object... args) throws SQLException {
        List<Generation> out = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(sql); ResultSet rs = Jdbc.bind(p, args).executeQuery()) {
            while (rs.next()) {
                out.add(read(rs));
            }
        }
        return out;
    }

    private Optional<Generation> findOne(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LibraryStoreException("cannot read generation " + id + ": " + e.getMessage(), e);
        }
    }

    public static Generation read(ResultSet rs) throws SQLException {
        int quality = rs.getInt("quality_score");
        Integer qualityScore = rs.wasNull() ? null : quality;
        return new Generation(
                rs.getString("id"),
                rs.getString("filename"),
                rs.getString("prompt"),
                rs.getString("model"),
                AudioKind.fromWire(rs.getString("kind")),
                rs.getDouble("duration"),
                rs.getInt("sample_rate"),
                fromJson(rs.getString("category")),
                rs.getString("user_id"),
                rs.getInt("is_public") == 1,
                rs.getInt("is_loop") == 1,
                rs.getInt("upvotes"),
                rs.getInt("downvotes"),
                rs.getLong("play_count"),
                rs.getLong("download_count"),
                qualityScore,
                rs.getString("spectrogram"),
                rs.getString("voice"),
                SqlInstants.parse(rs.getString("created_at")),
                SqlInstants.parse(rs.getString("updated_at")),
                rs.getInt("owner_public") == 1,
                ReviewStatus.fromWire(rs.getString("review_status")),
                rs.getString("source"));
    }

    public static String toJson(List<String> categories) {
        try {
            return JSON.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    public static List<String> fromJson(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("category column holds no JSON array of strings: " + json, e);
        }
    }
}
