-- The corrections log: per published article, an append-only list of
-- corrections, clarifications and updates (domain.Correction).
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('correction', 'clarification', 'update')),
    text       TEXT NOT NULL,
    at         INTEGER NOT NULL, -- unix microseconds
    who        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrections_by_article ON corrections (article_id, id);
-- Append-only: a note once published is never edited or withdrawn. Only
-- deleting the whole article (the cascade, after its row is gone) removes
-- its notes.
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
    SELECT RAISE(ABORT, 'corrections are append-only');
END;
-- Windows watching the articles counter hear of a new note.
CREATE TRIGGER corrections_ai AFTER INSERT ON corrections BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'articles';
END;
