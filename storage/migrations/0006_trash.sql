-- The trash: deleting an article only marks it trashed, so it keeps its
-- quotes, sources, revisions, corrections, comments and slug until the
-- trash is emptied. Lists, search, export and comment intake leave
-- trashed articles out.
ALTER TABLE articles ADD COLUMN trashed_at INTEGER; -- unix microseconds, NULL when not in the trash
ALTER TABLE articles ADD COLUMN trashed_by TEXT NOT NULL DEFAULT '';
CREATE INDEX articles_by_trashed ON articles (trashed_at);
-- The export summary now also filters on trashed_at, still from the index.
DROP INDEX articles_export_summary;
CREATE INDEX articles_export_summary ON articles (status, published_at, id, slug, headline, standfirst,
	fc_checked, updated_at, content_digest, byline, keywords, section, kind, trashed_at);
-- The fact check now follows the text (domain.FollowFactCheck): a revoked
-- mark stands again when the text returns to what was checked. A mark
-- cleared on purpose must not, so it keeps no digest of its last check.
UPDATE articles SET fc_digest = '', fc_by = '', fc_at = NULL WHERE fc_checked = 0 AND (
    SELECT e.kind FROM article_events e WHERE e.article_id = articles.id
    AND e.kind IN ('fact-checked', 'fact-check-cleared', 'fact-check-revoked')
    ORDER BY e.id DESC LIMIT 1) = 'fact-check-cleared';
