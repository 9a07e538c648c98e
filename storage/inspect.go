package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// QuickCheckLimit is the largest file (in bytes) checked with PRAGMA quick_check
// when it is opened; larger files are checked as they are read (every
// statement that meets damage makes the store read-only).
var QuickCheckLimit int64 = 64 << 20

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// fileKind is what Open found at the path, before changing anything.
type fileKind int

const (
	fileNew      fileKind = iota // missing, empty, or an SQLite file with no tables
	fileNewsroom                 // a Newsroom database
)

// inspection is what inspect learnt about a file.
type inspection struct {
	kind    fileKind
	version int   // schema version of a Newsroom database
	damage  error // non-nil when quick_check found damage
}

// inspect looks at the file at path without writing to it: its header
// bytes, then (read-only) its schema and, for files up to QuickCheckLimit,
// PRAGMA quick_check. A file that is not SQLite, or an SQLite database of
// another program, is refused here, before any write or journal-mode
// change could alter it.
func inspect(ctx context.Context, path string) (inspection, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return inspection{kind: fileNew}, nil
	}
	if err != nil {
		return inspection{}, fmt.Errorf("%w %s: %v", ErrOpen, path, err)
	}
	if info.Size() == 0 {
		// A new WAL database may hold its first pages in the -wal file
		// only; then the schema decides, as for any other file.
		if wal, err := os.Stat(path + "-wal"); err != nil || wal.Size() == 0 {
			return inspection{kind: fileNew}, nil
		}
	} else if err := checkHeader(path); err != nil {
		return inspection{}, err
	}
	db, err := sql.Open("sqlite3", "file:"+escapePath(path)+"?mode=ro&_busy_timeout=10000")
	if err != nil {
		return inspection{}, openError(path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tables, err := schemaObjects(ctx, db)
	if err != nil {
		return inspection{}, openError(path, err)
	}
	if len(tables) == 0 {
		return inspection{kind: fileNew}, nil
	}
	version, err := newsroomVersion(ctx, db, tables)
	if err != nil {
		return inspection{}, fmt.Errorf("%w %s: %v", ErrOpen, path, err)
	}
	if latest := SchemaVersion(); version > latest {
		return inspection{}, fmt.Errorf("%w %s: the database has schema version %d, newer than this program's %d: update Newsroom", ErrOpen, path, version, latest)
	}
	in := inspection{kind: fileNewsroom, version: version}
	if info.Size() <= QuickCheckLimit {
		in.damage = quickCheck(ctx, db)
	}
	return in, nil
}

// checkHeader refuses a file that does not start like an SQLite database.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w %s: %v", ErrOpen, path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteMagic) {
		return fmt.Errorf("%w %s: the file is not a Newsroom database (not an SQLite file, or its header is damaged); it was left as it was", ErrOpen, path)
	}
	return nil
}

// schemaObjects lists the names of the tables, views and triggers in db.
func schemaObjects(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// newsroomVersion returns the schema version of a Newsroom database, or
// an error saying the file belongs to another program. A Newsroom
// database records its migrations by the names this program gives them.
func newsroomVersion(ctx context.Context, db *sql.DB, names []string) (int, error) {
	foreign := func() error {
		sort.Strings(names)
		shown := names
		if len(shown) > 5 {
			shown = append(shown[:5:5], "…")
		}
		return fmt.Errorf("the file is an SQLite database of another program (it holds %s), not a Newsroom database; "+
			"it was left as it was. Give --db a Newsroom database, or a new file name to start one", strings.Join(shown, ", "))
	}
	has := map[string]bool{}
	for _, n := range names {
		has[n] = true
	}
	if !has["schema_migrations"] || !has["articles"] {
		return 0, foreign()
	}
	ms, err := loadMigrations()
	if err != nil {
		return 0, err
	}
	var first string
	if err := db.QueryRowContext(ctx, `SELECT name FROM schema_migrations WHERE version = 1`).Scan(&first); err != nil || first != ms[0].name {
		return 0, foreign()
	}
	var version int
	if err := db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&version); err != nil {
		return 0, foreign()
	}
	return version, nil
}

// quickCheck runs PRAGMA quick_check and returns nil when it says ok.
func quickCheck(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check(5)`)
	if err != nil {
		return fmt.Errorf("quick check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("quick check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("quick check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("quick check: %s", strings.Join(problems, "; "))
	}
	return nil
}
