-- What an export needs without re-reading every body (see ../0002).
ALTER TABLE articles ADD COLUMN attribution TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN content_digest TEXT NOT NULL DEFAULT '';
-- SQLite's covering index would hold whole headlines and standfirsts, more
-- than a PostgreSQL index row may; the export's summary scan finds its rows
-- by this one.
CREATE INDEX articles_export_summary ON articles (status, published_at, id);
