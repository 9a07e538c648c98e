-- The trash (see ../0006_trash.sql): deleting an article only marks it
-- trashed; lists, search, export and comment intake leave it out.
ALTER TABLE articles ADD COLUMN trashed_at BIGINT; -- unix microseconds, NULL when not in the trash
ALTER TABLE articles ADD COLUMN trashed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_by_trashed ON articles (trashed_at);
-- A mark cleared on purpose keeps no digest of its last check, so the
-- fact check that follows the text never brings it back.
UPDATE articles SET fc_digest = '', fc_by = '', fc_at = NULL WHERE fc_checked = 0 AND (
    SELECT e.kind FROM article_events e WHERE e.article_id = articles.id
    AND e.kind IN ('fact-checked', 'fact-check-cleared', 'fact-check-revoked')
    ORDER BY e.id DESC LIMIT 1) = 'fact-check-cleared';
