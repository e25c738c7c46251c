-- Visibility with moderation, Graphlings sources, file lookups.
--
-- owner_public is what the owner asked for; review_status what an admin decided (or 'approved' where
-- nobody reviews). is_public stays the EFFECTIVE visibility that every list, search, radio and count
-- query already filters on: is_public = owner_public AND review_status = 'approved'. The triggers below
-- keep that true whatever statement changes one of the three, so no query and no code path can show an
-- unreviewed or rejected item to others.
--
-- owner_public may be NULL only inside an INSERT that did not name it (rows written by the first
-- releases' code, bulk loads): the insert trigger then takes the inserted is_public as the owner's wish.
-- download_count (V1) is the downloads counter.
ALTER TABLE generations ADD COLUMN owner_public INTEGER CHECK (owner_public IN (0, 1));
ALTER TABLE generations ADD COLUMN review_status TEXT NOT NULL DEFAULT 'approved'
    CHECK (review_status IN ('approved', 'pending', 'rejected'));
ALTER TABLE generations ADD COLUMN reviewed_at TEXT;
ALTER TABLE generations ADD COLUMN reviewed_by TEXT;
-- The Graphlings source (an id such as 'forest_pack'), NULL for items of no source.
ALTER TABLE generations ADD COLUMN source TEXT;

-- Existing rows: the owner wanted what they have; nobody has to review them again.
UPDATE generations SET owner_public = is_public;

CREATE TRIGGER generations_visibility_ai AFTER INSERT ON generations
WHEN new.owner_public IS NULL OR new.is_public IS NOT (new.owner_public = 1 AND new.review_status = 'approved')
BEGIN
    UPDATE generations
    SET owner_public = coalesce(new.owner_public, new.is_public),
        is_public = (coalesce(new.owner_public, new.is_public) = 1 AND new.review_status = 'approved')
    WHERE seq = new.seq;
END;

CREATE TRIGGER generations_visibility_au AFTER UPDATE OF is_public, owner_public, review_status ON generations
WHEN new.owner_public IS NULL OR new.is_public IS NOT (new.owner_public = 1 AND new.review_status = 'approved')
BEGIN
    UPDATE generations
    SET owner_public = coalesce(new.owner_public, new.is_public),
        is_public = (coalesce(new.owner_public, new.is_public) = 1 AND new.review_status = 'approved')
    WHERE seq = new.seq;
END;

-- Partial indexes where only few rows qualify: each insert of an ordinary (approved, public, sourceless)
-- item then touches none of them, which keeps bulk ingestion fast.
-- The moderation queue (pending, rejected), oldest first.
CREATE INDEX idx_generations_review_created ON generations (review_status, created_at, id)
    WHERE review_status <> 'approved';
-- Graphlings sources: per-source public listings and counts.
CREATE INDEX idx_generations_source ON generations (source, is_public, created_at DESC) WHERE source IS NOT NULL;
-- The gateway's private-file check looks a file name up as audio or as spectrogram.
CREATE INDEX idx_generations_filename ON generations (filename);
CREATE INDEX idx_generations_spectrogram ON generations (spectrogram);
-- Private storage per user (count, oldest first for cleanup).
CREATE INDEX idx_generations_user_private ON generations (user_id, created_at, id) WHERE owner_public = 0;
