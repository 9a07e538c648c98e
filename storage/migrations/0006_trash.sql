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
