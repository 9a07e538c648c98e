-- The media library (see ../0007_media.sql): each image stored once, keyed
-- by the SHA-256 of its bytes; the bytes live in media_files so listing
-- never reads them.
CREATE TABLE media (
    sha256      TEXT PRIMARY KEY,
    ref         TEXT NOT NULL UNIQUE,
    format      TEXT NOT NULL,
    width       BIGINT NOT NULL,
    height      BIGINT NOT NULL,
    bytes       BIGINT NOT NULL,
    filename    TEXT NOT NULL DEFAULT '',
    caption     TEXT NOT NULL DEFAULT '',
    credit      TEXT NOT NULL DEFAULT '',
    creator     TEXT NOT NULL DEFAULT '',
    copyright   TEXT NOT NULL DEFAULT '',
    alt         TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    source_url  TEXT NOT NULL DEFAULT '',
    focal_x     DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    focal_y     DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    embedded    TEXT NOT NULL DEFAULT '{}', -- JSON object: metadata read from the file
    origin      TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX media_by_origin ON media (origin);

CREATE TABLE media_files (
    sha256 TEXT PRIMARY KEY REFERENCES media (sha256) ON DELETE CASCADE,
    data   BYTEA NOT NULL
);

ALTER TABLE articles ADD COLUMN lead_image TEXT REFERENCES media (ref);
