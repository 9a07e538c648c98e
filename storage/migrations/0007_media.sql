-- The media library: each image stored once, keyed by the SHA-256 of its
-- bytes; ref (the digest's first 12 hex digits) is the name bodies and
-- articles use. The bytes live in media_files so listing never reads them.
CREATE TABLE media (
    sha256     TEXT PRIMARY KEY,
    ref        TEXT NOT NULL UNIQUE,
    format     TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    bytes      INTEGER NOT NULL,
    filename   TEXT NOT NULL DEFAULT '',
    caption    TEXT NOT NULL DEFAULT '',
    credit     TEXT NOT NULL DEFAULT '',
    creator    TEXT NOT NULL DEFAULT '',
    copyright  TEXT NOT NULL DEFAULT '',
    alt        TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    source_url TEXT NOT NULL DEFAULT '',
    focal_x    REAL NOT NULL DEFAULT 0.5,
    focal_y    REAL NOT NULL DEFAULT 0.5,
    embedded   TEXT NOT NULL DEFAULT '{}', -- JSON object: metadata read from the file
    origin     TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX media_by_origin ON media (origin);

CREATE TABLE media_files (
    sha256 TEXT PRIMARY KEY REFERENCES media (sha256) ON DELETE CASCADE,
    data   BLOB NOT NULL
);

ALTER TABLE articles ADD COLUMN lead_image TEXT REFERENCES media (ref);
