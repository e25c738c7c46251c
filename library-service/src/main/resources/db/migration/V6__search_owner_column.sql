-- Search within one user's items (issue #6): the owner becomes a column of the search index.
--
-- A search with a user filter (a profile, "my generations", /api/library?user_id=&q=) walked the word's
-- matches newest first and looked each one up in generations for its user: a broad word in the items of a
-- user with a hundred of them visited most of its hundred thousand matches, 40-60 ms at 1,000,000 rows
-- (p99 68 ms in the benchmark). With the owner in the index, FTS5 intersects the word's doclist with the
-- user's (a hundred entries) itself: p50 1.6 ms, p99 2.2 ms for the same searches.
--
-- owner_key is one token per user: 'u' and the hex of the user id's UTF-8 bytes, so that no user id,
-- whatever its characters, splits into several tokens or reads as FTS5 syntax. It is a VIRTUAL generated
-- column: computed when read, nothing stored, never out of step with user_id. The index is rebuilt from
-- generations (about 8 s of CPU at 1,000,000 rows, once, at the upgrade); its row triggers (update and
-- delete; new rows are indexed per batch since V5) are created again with the new column.
ALTER TABLE generations ADD COLUMN owner_key TEXT GENERATED ALWAYS AS ('u' || hex(user_id)) VIRTUAL;

DROP TRIGGER generations_fts_ad;
DROP TRIGGER generations_fts_au;
DROP TABLE generations_fts;

CREATE VIRTUAL TABLE generations_fts USING fts5(
    prompt,
    category,
    owner_key,
    content = 'generations',
    content_rowid = 'seq',
    tokenize = 'porter unicode61',
    prefix = '2 3 4'
);
INSERT INTO generations_fts (generations_fts) VALUES ('rebuild');

CREATE TRIGGER generations_fts_ad AFTER DELETE ON generations BEGIN
    INSERT INTO generations_fts (generations_fts, rowid, prompt, category, owner_key)
    VALUES ('delete', old.seq, old.prompt, old.category, old.owner_key);
END;

-- Only a change of the indexed text touches the index: vote and play counters update often.
CREATE TRIGGER generations_fts_au AFTER UPDATE OF prompt, category, user_id ON generations BEGIN
    INSERT INTO generations_fts (generations_fts, rowid, prompt, category, owner_key)
    VALUES ('delete', old.seq, old.prompt, old.category, old.owner_key);
    INSERT INTO generations_fts (rowid, prompt, category, owner_key)
    VALUES (new.seq, new.prompt, new.category, new.owner_key);
END;
