-- Staff, roles and article locks. Plain portable SQL (the lead ports it to
-- PostgreSQL). Times are unix microseconds.
CREATE TABLE staff (
    login      TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('contributor', 'reporter', 'editor', 'admin')),
    created_at INTEGER NOT NULL,
    removed_at INTEGER             -- NULL while on the staff; history keeps the name
);

-- The staff on an article's byline, in byline order (co-authors).
CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    login      TEXT NOT NULL REFERENCES staff (login),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, login)
);
CREATE INDEX article_authors_by_login ON article_authors (login);

-- Who is editing an article: one lock per article, free again when not
-- refreshed for two minutes. token names the holding window.
CREATE TABLE article_locks (
    article_id   INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    login        TEXT NOT NULL REFERENCES staff (login),
    token        TEXT NOT NULL,
    since        INTEGER NOT NULL,
    refreshed_at INTEGER NOT NULL
);

-- The four-eyes rule (no editor fact-checks an article they have a byline
-- on) is on by default.
INSERT INTO settings (key, value) VALUES ('four_eyes', 'on') ON CONFLICT (key) DO NOTHING;
-- Existing bylines and fact-checkers become staff once, at the next open
-- (storage/staff_seed.go), which then removes this marker.
INSERT INTO settings (key, value) VALUES ('staff_from_bylines', 'pending') ON CONFLICT (key) DO NOTHING;
