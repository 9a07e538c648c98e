-- Filing: the section an article is filed under (domain.Article.Section;
-- keywords stay its tags) and its kind of work (news, analysis,
-- opinion…, domain.WorkKind; '' = not said).
ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT '';
-- The content digest now covers section and kind: recompute it (the
-- backfill does on open).
UPDATE articles SET content_digest = '';
-- The export summary now also reads byline, tags, section and kind (for
-- section, tag and author pages), still without touching the bodies.
DROP INDEX articles_export_summary;
CREATE INDEX articles_export_summary ON articles (status, published_at, id, slug, headline, standfirst,
	fc_checked, updated_at, content_digest, byline, keywords, section, kind);
