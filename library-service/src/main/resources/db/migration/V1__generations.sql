-- The library: one row per finished audio file, searchable through an FTS5 index.
--
-- seq is the table's INTEGER PRIMARY KEY and the FTS index's content_rowid. A table without an explicit
-- INTEGER PRIMARY KEY may get new rowids from VACUUM (and VACUUM INTO, which backups use), which would
-- silently point an external-content FTS index at the wrong rows; an INTEGER PRIMARY KEY never changes.
-- The public identity of a row is id (the generation id of the event), unique and the upsert target.
CREATE TABLE generations (
    seq            INTEGER PRIMARY KEY,
    id             TEXT    NOT NULL UNIQUE,
    filename       TEXT    NOT NULL,
    prompt         TEXT    NOT NULL DEFAULT '',
    model          TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('music', 'sfx', 'speech')),
    duration       REAL    NOT NULL DEFAULT 0,
    sample_rate    INTEGER NOT NULL DEFAULT 0,
    -- JSON array of category ids, e.g. ["lofi","piano"]
    category       TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(category) AND json_type(category) = 'array'),
    user_id        TEXT,
    is_public      INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    is_loop        INTEGER NOT NULL DEFAULT 0 CHECK (is_loop IN (0, 1)),
    upvotes        INTEGER NOT NULL DEFAULT 0,
    downvotes      INTEGER NOT NULL DEFAULT 0,
    play_count     INTEGER NOT NULL DEFAULT 0,
    download_count INTEGER NOT NULL DEFAULT 0,
    quality_score  INTEGER,
    spectrogram    TEXT,
    voice          TEXT,
    -- UTC, fixed width (yyyy-MM-ddTHH:mm:ss.SSSSSSZ) so that text order is time order
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL
);

-- The list queries always filter is_public first, so it leads each index.
CREATE INDEX idx_generations_public_created ON generations (is_public, created_at DESC);
CREATE INDEX idx_generations_public_kind_created ON generations (is_public, kind, created_at DESC);
CREATE INDEX idx_generations_user_created ON generations (user_id, created_at DESC);

-- External-content index: the text lives once, in generations; the triggers keep the index in step.
CREATE VIRTUAL TABLE generations_fts USING fts5(
    prompt,
    category,
    content = 'generations',
    content_rowid = 'seq',
    tokenize = 'porter unicode61',
    prefix = '2 3'
);

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
