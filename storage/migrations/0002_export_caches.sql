-- What an export needs without re-reading every body:
-- attribution: the attribution findings computed when the article was
--   saved (JSON of domain.StoredFindings); '' means not computed yet, and
--   readers then run the check themselves.
-- content_digest: domain.ContentDigest of the article as saved; '' means
--   unknown, and an export then renders the page again.
ALTER TABLE articles ADD COLUMN attribution TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN content_digest TEXT NOT NULL DEFAULT '';
-- Covers the summary an export reads first (storage.ExportSummaries),
-- so it never walks the bodies' overflow pages.
CREATE INDEX articles_export_summary ON articles (status, published_at, id, slug, headline, standfirst,
	fc_checked, updated_at, content_digest);
