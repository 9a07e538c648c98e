-- Newsroom schema, version 1.
CREATE TABLE sources (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL,
    url  TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    headline     TEXT NOT NULL DEFAULT '',
    standfirst   TEXT NOT NULL DEFAULT '',
    byline       TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'review', 'published')),
    published_at INTEGER,          -- unix microseconds, NULL when never published
    keywords     TEXT NOT NULL DEFAULT '[]', -- JSON array
    fc_checked   INTEGER NOT NULL DEFAULT 0,
    fc_by        TEXT NOT NULL DEFAULT '',
    fc_at        INTEGER,
    fc_digest    TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    origin       TEXT UNIQUE
);
CREATE INDEX articles_by_updated ON articles (updated_at DESC);
CREATE INDEX articles_by_status ON articles (status, published_at DESC);

CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, source_id)
) WITHOUT ROWID;
CREATE INDEX article_sources_by_source ON article_sources (source_id);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    ref         TEXT NOT NULL,
    text        TEXT NOT NULL,
    speaker     TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT '',
    context     TEXT NOT NULL DEFAULT '',
    source_name TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, ref)
);

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL, -- a typing burst extends its revision
    author     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    headline   TEXT NOT NULL,
    standfirst TEXT NOT NULL,
    body       TEXT NOT NULL,
    quotes     TEXT NOT NULL DEFAULT '[]', -- JSON
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);

CREATE TABLE article_events (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    who        TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL, -- fact-checked, fact-check-revoked, status, restored
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX article_events_by_article ON article_events (article_id, id);

CREATE TABLE comments (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES comments (id) ON DELETE SET NULL,
    author       TEXT NOT NULL,
    email        TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    prev_status  TEXT NOT NULL DEFAULT 'pending',
    reasons      TEXT NOT NULL DEFAULT '[]', -- JSON array of plain-word reasons
    type         TEXT NOT NULL DEFAULT 'comment' CHECK (type IN ('comment', 'pingback', 'trackback')),
    submitted_at INTEGER NOT NULL,
    client_addr  TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT '',
    by_editor    INTEGER NOT NULL DEFAULT 0,
    origin       TEXT UNIQUE
);
CREATE INDEX comments_by_status ON comments (status, submitted_at DESC);
CREATE INDEX comments_by_article ON comments (article_id, status, submitted_at);
CREATE INDEX comments_by_addr ON comments (client_addr, submitted_at);
CREATE INDEX comments_by_email ON comments (email COLLATE NOCASE, submitted_at);

-- A counter bumped on every change to comments, so a window can watch the
-- queue with one cheap query.
CREATE TABLE change_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO change_counters VALUES ('comments', 0), ('articles', 0);
CREATE TRIGGER comments_ai AFTER INSERT ON comments BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'comments';
END;
CREATE TRIGGER comments_au AFTER UPDATE ON comments BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'comments';
END;
CREATE TRIGGER comments_ad AFTER DELETE ON comments BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'comments';
END;
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'articles';
END;
CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'articles';
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'articles';
END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text index over headline, standfirst, body, quotes and byline.
-- Contentless: the text lives in articles; rowid = articles.id.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    headline, standfirst, body, quotes, byline,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
