-- Search speed (issue #6): FTS5 answers a prefix query from a prefix index when one exists for that
-- length and otherwise merges the doclists of every word that starts with it, twice when ranking (bm25
-- counts the matches for its IDF). For a broad 4-letter prefix such as "rain"* that merge was most of the
-- time of a search at a million rows, so the index now also keeps 4-character prefixes.
-- FTS5 cannot change the prefix option of an existing table: the index is dropped, created again and
-- rebuilt from generations (the external content), and its triggers are created again unchanged.
-- Measured at 1,000,000 rows: about 7 s of CPU for the rebuild, once, at the upgrade.
-- No column of generations changes, and nothing here depends on later or parallel migrations.
DROP TRIGGER generations_fts_ai;
DROP TRIGGER generations_fts_ad;
DROP TRIGGER generations_fts_au;
DROP TABLE generations_fts;

CREATE VIRTUAL TABLE generations_fts USING fts5(
    prompt,
    category,
    content = 'generations',
    content_rowid = 'seq',
    tokenize = 'porter unicode61',
    prefix = '2 3 4'
);
INSERT INTO generations_fts (generations_fts) VALUES ('rebuild');

CREATE TRIGGER generations_fts_ai AFTER INSERT ON generations BEGIN
    INSERT INTO generations_fts (rowid, prompt, category) VALUES (new.seq, new.prompt, new.category);
END;

CREATE TRIGGER generations_fts_ad AFTER DELETE ON generations BEGIN
    INSERT INTO generations_fts (generations_fts, rowid, prompt, category)
    VALUES ('delete', old.seq, old.prompt, old.category);
END;

-- Only a change of the indexed text touches the index: vote and play counters update often.
CREATE TRIGGER generations_fts_au AFTER UPDATE OF prompt, category ON generations BEGIN
    INSERT INTO generations_fts (generations_fts, rowid, prompt, category)
    VALUES ('delete', old.seq, old.prompt, old.category);
    INSERT INTO generations_fts (rowid, prompt, category) VALUES (new.seq, new.prompt, new.category);
END;
