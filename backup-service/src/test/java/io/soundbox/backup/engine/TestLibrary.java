package io.soundbox.backup.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * A library database shaped like library-service's (generations + an external-content FTS5 index kept
 * by triggers), opened the way library-service opens it: WAL, busy timeout, IMMEDIATE transactions.
 */
final class TestLibrary {
    private TestLibrary() {
    }

    static Connection open(Path db) throws SQLException {
        return org.sqlite.JDBC.createConnection("jdbc:sqlite:" + db
                + "?journal_mode=WAL&busy_timeout=5000&synchronous=NORMAL&transaction_mode=IMMEDIATE", new java.util.Properties());
    }

    /** Reads without changing the file (opening with journal_mode=WAL would rewrite a backup copy's header). */
    static Connection openReadOnly(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return config.createConnection("jdbc:sqlite:" + db);
    }

    static void create(Path db) throws SQLException {
        try (Connection c = open(db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE generations(seq INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, prompt TEXT NOT NULL, "
                    + "filename TEXT NOT NULL, spectrogram TEXT)");
            s.execute("CREATE VIRTUAL TABLE generations_fts USING fts5(prompt, content='generations', content_rowid='seq')");
            s.execute("CREATE TRIGGER generations_ai AFTER INSERT ON generations BEGIN "
                    + "INSERT INTO generations_fts(rowid, prompt) VALUES (new.seq, new.prompt); END");
            s.execute("CREATE TRIGGER generations_ad AFTER DELETE ON generations BEGIN "
                    + "INSERT INTO generations_fts(generations_fts, rowid, prompt) VALUES ('delete', old.seq, old.prompt); END");
        }
    }

    static void insert(Connection c, String id, String prompt) throws SQLException {
        // The library names each generation's audio file after its id (the fixture's files do too).
        try (PreparedStatement p = c.prepareStatement("INSERT INTO generations(id, prompt, filename) VALUES (?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, prompt);
            p.setString(3, id + ".wav");
            p.executeUpdate();
        }
    }

    static void insert(Path db, String id, String prompt) throws SQLException {
        try (Connection c = open(db)) {
            insert(c, id, prompt);
        }
    }

    static long count(Path db) throws SQLException {
        try (Connection c = openReadOnly(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM generations")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Ids whose prompt matches the FTS5 query, in id order. */
    static List<String> search(Path db, String match) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = openReadOnly(db);
             PreparedStatement p = c.prepareStatement("SELECT g.id FROM generations_fts f JOIN generations g "
                     + "ON g.seq = f.rowid WHERE generations_fts MATCH ? ORDER BY g.id")) {
            p.setString(1, match);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }
}
