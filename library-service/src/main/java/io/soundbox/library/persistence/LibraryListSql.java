package io.soundbox.library.persistence;

import io.soundbox.library.auth.Caller;
import io.soundbox.library.domain.LibraryQuery;
import io.soundbox.library.domain.LibrarySort;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one library listing: the same WHERE clause for the count and the page. User input only ever
 * reaches SQLite as bound parameters; the statement text is built from fixed fragments.
 *
 * <p>Counting and ranking every match of a broad word (a fifth of a million-row library) costs hundreds of
 * milliseconds, so both are bounded: a count stops at a cap ({@link #count}), and a search considers only
 * its newest {@code maxMatches} matches ({@link #searchPage}), which FTS5 hands over newest first and stops
 * after, so bm25 and the sort see at most that many rows.
 */
final class LibraryListSql {
    private final String from;
    private final String where;
    private final String orderBy;
    private final String columns;
    private final List<Object> params;
    private final LibraryQuery query;

    private LibraryListSql(String from, String where, String orderBy, String columns, List<Object> params,
                           LibraryQuery query) {
        this.from = from;
        this.where = where;
        this.orderBy = orderBy;
        this.columns = columns;
        this.params = params;
        this.query = query;
    }

    static LibraryListSql of(LibraryQuery q, String columns) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String from = "generations g";
        if (q.match() != null) {
            from = "generations_fts JOIN generations g ON g.seq = generations_fts.rowid";
            conditions.add("generations_fts MATCH ?");
            // The words search the text columns only: owner_key holds tokens such as u757365722d31, which a
            // searched word or prefix ("u75") must not match. Within one user's items the index itself
            // narrows to the user's (migration V6): the user's token is ANDed to the words. The exact
            // user_id condition below stays.
            String words = GenerationRepository.textMatch(q.match());
            params.add(q.userId() == null ? words
                    : words + " AND owner_key : \"" + ownerToken(q.userId()) + "\"");
        }
        visibility(q.viewer(), "g", conditions, params);
        if (q.publicOnly() != null) {
            conditions.add("g.is_public = ?");
            params.add(q.publicOnly() ? 1 : 0);
        }
        if (q.kind() != null) {
            conditions.add("g.kind = ?");
            params.add(q.kind().wireName());
        }
        if (q.userId() != null) {
            conditions.add("g.user_id = ?");
            params.add(q.userId());
        }
        if (q.category() != null) {
            // generation_categories (category, seq) is the category index, kept in step by triggers.
            conditions.add("g.seq IN (SELECT gc.seq FROM generation_categories gc WHERE gc.category = ?)");
            params.add(q.category());
        }
        if (q.source() != null) {
            conditions.add("g.source = ?");
            params.add(q.source());
        }
        if (q.minDuration() != null) {
            conditions.add("g.duration >= ?");
            params.add(q.minDuration());
        }
        if (q.maxDuration() != null) {
            conditions.add("g.duration <= ?");
            params.add(q.maxDuration());
        }
        return new LibraryListSql(from, String.join(" AND ", conditions), orderBy(q), columns, params, q);
    }

    /**
     * The search index's token of a user: what {@code 'u' || hex(user_id)} gives in SQLite (the owner_key
     * column of migration V6), lower case as the tokenizer folds it.
     */
    static String ownerToken(String userId) {
        StringBuilder token = new StringBuilder("u");
        for (byte b : userId.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            token.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return token.toString();
    }

    /**
     * Adds what the viewer may see: anonymous callers public items, users also their own, admins all.
     * The anonymous form is the plain {@code is_public = 1} the indexes lead with.
     */
    static void visibility(Caller viewer, String alias, List<String> conditions, List<Object> params) {
        if (viewer.admin()) {
            return;
        }
        if (viewer.isAnonymous()) {
            conditions.add(alias + ".is_public = 1");
        } else {
            conditions.add("(" + alias + ".is_public = 1 OR " + alias + ".user_id = ?)");
            params.add(viewer.userId());
        }
    }

    private static String orderBy(LibraryQuery q) {
        // created_at and then id make every order total, so pages neither repeat nor skip items.
        String newest = "g.created_at DESC, g.id DESC";
        return switch (q.sort()) {
            case RECENT -> newest;
            case POPULAR -> "(g.upvotes + g.downvotes) DESC, g.play_count DESC, " + newest;
            case RATING -> "(g.upvotes - g.downvotes) DESC, g.upvotes DESC, " + newest;
            case PLAYS -> "g.play_count DESC, " + newest;
            // bm25: lower is better. A match in the prompt weighs more than one in the categories; the owner none.
            // (the score is the searchPage window's bm25 column)
            case RELEVANCE -> "hits.score, " + newest;
        };
    }

    /** The columns every order reads, carried in a search's window under their own names. */
    private static final String SORT_KEYS = "g.created_at AS created_at, g.id AS id, g.upvotes AS upvotes,"
            + " g.downvotes AS downvotes, g.play_count AS play_count";

    boolean isSearch() {
        return query.match() != null;
    }

    /** The number of matching rows, counting at most the bound limit (bind with {@link #bindCount}). */
    String count() {
        return "SELECT count(*) FROM (SELECT 1 FROM " + from + " WHERE " + where + " LIMIT ?)";
    }

    /** One page of a listing without search (bind with {@link #bindPage}). */
    String page() {
        return "SELECT " + columns + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?";
    }

    /**
     * One page of a search and, in every row, how many matches were considered: the newest matches (by
     * seq, the order FTS5 keeps its doclists in), at most the bound window, are collected once, ranked and
     * paged (bind with {@link #bindSearch}). bm25 is computed for those rows only, and only when the order
     * needs it.
     */
    String searchPage() {
        String score = query.sort() == LibrarySort.RELEVANCE
                ? GenerationRepository.RELEVANCE : "0";
        // The window is ordered and cut carrying only seq and score; the columns of the page's rows alone
        // are read afterwards (sorting a thousand whole rows cost more than ranking them).
        return "WITH hits AS MATERIALIZED (SELECT generations_fts.rowid AS hit_seq, " + score + " AS score, "
                + SORT_KEYS + " FROM " + from + " WHERE " + where + " ORDER BY generations_fts.rowid DESC LIMIT ?),"
                + " page AS MATERIALIZED (SELECT g.hit_seq AS hit_seq, g.score AS score FROM hits AS g"
                + " ORDER BY " + orderBy.replace("hits.score", "g.score") + " LIMIT ? OFFSET ?)"
                + " SELECT (SELECT count(*) FROM hits) AS matches, " + columns
                + " FROM page AS hits JOIN generations g ON g.seq = hits.hit_seq ORDER BY " + orderBy;
    }

    void bindCount(PreparedStatement p, long limit) throws SQLException {
        p.setLong(bindFilters(p) + 1, limit);
    }

    void bindPage(PreparedStatement p) throws SQLException {
        int i = bindFilters(p);
        p.setInt(++i, query.perPage());
        p.setLong(++i, query.offset());
    }

    void bindSearch(PreparedStatement p, long window, long pageSize) throws SQLException {
        int i = bindFilters(p);
        p.setLong(++i, window);
        p.setLong(++i, pageSize);
        p.setLong(++i, query.offset());
    }

    private int bindFilters(PreparedStatement p) throws SQLException {
        int i = 0;
        for (Object param : params) {
            p.setObject(++i, param);
        }
        return i;
    }
}
