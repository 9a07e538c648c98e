-- The copy desk (see ../0005): the newsroom's dictionary and each
-- article's ignored words. Words sort by code point, as on SQLite.
CREATE TABLE dictionary_words (
    word      TEXT COLLATE "C" PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 100),
    added_by  TEXT NOT NULL DEFAULT '',
    added_at  BIGINT NOT NULL
);

CREATE TABLE article_ignored_words (
    article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    word       TEXT COLLATE "C" NOT NULL CHECK (length(word) BETWEEN 1 AND 100),
    PRIMARY KEY (article_id, word)
);
