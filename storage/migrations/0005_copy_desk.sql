-- The copy desk: the newsroom's own dictionary, shared by every desk, and
-- the words a writer told the spelling check to ignore in one article.
CREATE TABLE dictionary_words (
    word      TEXT PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 100),
    added_by  TEXT NOT NULL DEFAULT '',
    added_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE article_ignored_words (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    word       TEXT NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
    PRIMARY KEY (article_id, word)
) WITHOUT ROWID;
