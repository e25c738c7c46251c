-- Community features: votes, favorites, playlists, tag suggestions, play events; category lookup table;
-- tombstones of deleted generations. Every table that names a generation references generations(id)
-- with ON DELETE CASCADE (the datasource turns foreign_keys on), so an owner delete leaves nothing behind.

-- One vote per user per generation; removing a vote deletes its row. feedback_reasons is a JSON array.
-- The counters generations.upvotes/downvotes are recomputed from this table in the same transaction.
CREATE TABLE votes (
    generation_id    TEXT    NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    user_id          TEXT    NOT NULL,
    vote             INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    feedback_reasons TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(feedback_reasons)),
    notes            TEXT,
    suggested_model  TEXT,
    created_at       TEXT    NOT NULL,
    updated_at       TEXT    NOT NULL,
    PRIMARY KEY (generation_id, user_id)
) WITHOUT ROWID;
CREATE INDEX idx_votes_user_updated ON votes (user_id, updated_at DESC);

CREATE TABLE favorites (
    user_id       TEXT NOT NULL,
    generation_id TEXT NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, generation_id)
) WITHOUT ROWID;
CREATE INDEX idx_favorites_user_created ON favorites (user_id, created_at DESC);
CREATE INDEX idx_favorites_generation ON favorites (generation_id);

CREATE TABLE playlists (
    id          TEXT    PRIMARY KEY,
    user_id     TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    is_public   INTEGER NOT NULL DEFAULT 0 CHECK (is_public IN (0, 1)),
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL
);
CREATE INDEX idx_playlists_user_updated ON playlists (user_id, updated_at DESC);

-- position orders the tracks (0-based, dense); a reorder rewrites every position in one transaction.
CREATE TABLE playlist_tracks (
    playlist_id   TEXT    NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    generation_id TEXT    NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    added_at      TEXT    NOT NULL,
    PRIMARY KEY (playlist_id, generation_id)
) WITHOUT ROWID;
CREATE INDEX idx_playlist_tracks_order ON playlist_tracks (playlist_id, position);
CREATE INDEX idx_playlist_tracks_generation ON playlist_tracks (generation_id);

-- A user's open suggestion to add or remove one category; removed once consensus applied it.
CREATE TABLE tag_suggestions (
    generation_id TEXT NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    category      TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('add', 'remove')),
    created_at    TEXT NOT NULL,
    PRIMARY KEY (generation_id, category, user_id)
) WITHOUT ROWID;
CREATE INDEX idx_tag_suggestions_user ON tag_suggestions (user_id, created_at DESC);

-- listener is 'u:<user>' or 's:<session>' (null when neither is known): de-duplication and unique plays.
CREATE TABLE play_events (
    seq           INTEGER PRIMARY KEY,
    generation_id TEXT    NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
    user_id       TEXT,
    listener      TEXT,
    source        TEXT    NOT NULL,
    duration      REAL,
    played_at     TEXT    NOT NULL
);
CREATE INDEX idx_play_events_generation_listener ON play_events (generation_id, listener, played_at);
CREATE INDEX idx_play_events_played ON play_events (played_at, generation_id);
CREATE INDEX idx_play_events_user_played ON play_events (user_id, played_at DESC);

-- The categories of each generation as rows, kept in step with generations.category by triggers, so a
-- category filter, a category station and the category counts are index lookups instead of parsing the
-- JSON of every row.
CREATE TABLE generation_categories (
    category TEXT    NOT NULL,
    seq      INTEGER NOT NULL REFERENCES generations (seq) ON DELETE CASCADE,
    PRIMARY KEY (category, seq)
) WITHOUT ROWID;
CREATE INDEX idx_generation_categories_seq ON generation_categories (seq);

INSERT OR IGNORE INTO generation_categories (category, seq)
SELECT j.value, g.seq FROM generations g, json_each(g.category) j;

CREATE TRIGGER generation_categories_ai AFTER INSERT ON generations BEGIN
    INSERT OR IGNORE INTO generation_categories (category, seq)
    SELECT value, new.seq FROM json_each(new.category);
END;

CREATE TRIGGER generation_categories_au AFTER UPDATE OF category ON generations BEGIN
    DELETE FROM generation_categories WHERE seq = old.seq;
    INSERT OR IGNORE INTO generation_categories (category, seq)
    SELECT value, new.seq FROM json_each(new.category);
END;

-- Owner deletes are remembered, so replaying soundbox.audio.created does not bring a deleted item back.
CREATE TABLE deleted_generations (
    id         TEXT PRIMARY KEY,
    user_id    TEXT,
    deleted_at TEXT NOT NULL
) WITHOUT ROWID;

-- Indexes of the list queries that V1 did not cover: top rated, most played, and the radio's pools.
CREATE INDEX idx_generations_public_rating ON generations (is_public, (upvotes - downvotes) DESC, upvotes DESC);
CREATE INDEX idx_generations_public_plays ON generations (is_public, play_count DESC);
