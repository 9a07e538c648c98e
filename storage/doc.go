// Package storage keeps everything Newsroom knows in one SQLite file:
// articles with their quotes and sources, revisions, the fact-check
// history, reader comments, settings and a full-text index.
//
// The database runs in WAL mode with foreign keys on and a busy timeout.
// All writes go through one connection and start with BEGIN IMMEDIATE, so
// writers queue instead of failing; reads use a separate pool. Schema
// migrations are embedded and each is applied in one transaction together
// with its entry in the version table.
//
// Errors wrap the sentinels of package domain (ErrNotFound, ErrConflict
// for a stale version, ErrSlugTaken, ErrOriginTaken, ErrInvalid); test
// them with errors.Is. Reads of one article run in one read transaction.
package storage
