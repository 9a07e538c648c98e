-- Staff, roles and article locks (see ../0008_staff.sql). Times are unix
-- microseconds.
CREATE TABLE staff (
    login      TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('contributor', 'reporter', 'editor', 'admin')),
    created_at BIGINT NOT NULL,
    removed_at BIGINT             -- NULL while on the staff; history keeps the name
);

-- The staff on an article's byline, in byline order (co-authors).
CREATE TABLE article_authors (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    login      TEXT NOT NULL REFERENCES staff (login),
    position   BIGINT NOT NULL,
    PRIMARY KEY (article_id, login)
);
CREATE INDEX article_authors_by_login ON article_authors (login);

-- Who is editing an article: one lock per article, free again when not
-- refreshed for two minutes. token names the holding window.
CREATE TABLE article_locks (
    article_id   BIGINT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    login        TEXT NOT NULL REFERENCES staff (login),
    token        TEXT NOT NULL,
    since        BIGINT NOT NULL,
    refreshed_at BIGINT NOT NULL
);

INSERT INTO settings (key, value) VALUES ('four_eyes', 'on') ON CONFLICT (key) DO NOTHING;
INSERT INTO settings (key, value) VALUES ('staff_from_bylines', 'pending') ON CONFLICT (key) DO NOTHING;
