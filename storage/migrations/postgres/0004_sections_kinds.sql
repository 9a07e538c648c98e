-- Filing: section and kind of work (see ../0004).
ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT '';
UPDATE articles SET content_digest = '';
