package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/mattn/go-sqlite3"
)

// Store is an open Newsroom database. It is safe for concurrent use.
type Store struct {
	path    string  // the file, or the server as postgres://host:port/db
	backend backend // SQLite or PostgreSQL
	// pgConfig is the parsed connection string of a PostgreSQL store.
	pgConfig *pgx.ConnConfig
	// dbLogin is the staff login a PostgreSQL store is connected as
	// (pgroles.go); empty otherwise.
	dbLogin string
	watcher *pgWatcher // PostgreSQL: the change counters, heard of
	writer  *sql.DB    // exactly one connection; transactions BEGIN IMMEDIATE
	reader  *sql.DB
	now     func() time.Time
	damage  atomic.Pointer[error] // set once the file is found damaged
	style   styleCache            // the house style saves are checked against
	staff   staffSession          // who is signed in, the locks held (staff.go)
}

// ErrOpen wraps every failure to open a database file; the message names
// the file and says what is wrong with it in plain words.
var ErrOpen = errors.New("cannot open database")

// ErrDamaged wraps every refusal to write to a damaged database.
var ErrDamaged = errors.New("the database is damaged")

// Open opens (creating when missing) the database at path and brings its
// schema up to date. A file that is not a Newsroom database, or one that
// cannot be written, gives an error naming the file and is left exactly as
// it was: nothing is written, not even the journal mode, before the file
// is known to be empty or a Newsroom database.
//
// A Newsroom database found damaged (by PRAGMA quick_check at open for
// files up to QuickCheckLimit, or by any later statement meeting
// SQLITE_CORRUPT) is opened read-only: every write fails with ErrDamaged
// and a message saying how to restore it; Damaged reports it.
//
// A target that names a PostgreSQL server (IsPostgresTarget: a
// postgres:// or postgresql:// URL, or the keyword form host=… dbname=…;
// the PG* environment variables fill in what it leaves out) opens that
// server's database instead, through the same Store.
func Open(path string) (*Store, error) {
	return OpenWith(path, Options{})
}

// OpenWith is Open with options: what the newsroom is opened for (named
// on PostgreSQL connections) and how long idle connections are kept.
func OpenWith(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: no database path given", ErrOpen)
	}
	if IsPostgresTarget(path) {
		return openPostgres(path, opts)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %v", ErrOpen, path, err)
	}
	if err := checkPath(abs); err != nil {
		return nil, err
	}
	ctx := context.Background()
	found, err := inspect(ctx, abs)
	if err != nil {
		return nil, err
	}
	s := &Store{path: abs, now: func() time.Time { return time.Now().UTC() }}
	if found.damage != nil {
		s.markDamaged(found.damage)
	}
	base := "file:" + escapePath(abs) + "?_foreign_keys=on&_busy_timeout=10000"
	writerDSN := base + "&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate"
	if found.damage != nil {
		writerDSN = base + "&mode=ro&_txlock=immediate" // never written: writes are refused anyway
	}
	s.writer = watchedDB(writerDSN, s.markDamaged)
	s.writer.SetMaxOpenConns(1)
	s.writer.SetMaxIdleConns(1)
	s.writer.SetConnMaxLifetime(0)
	s.reader = watchedDB(base+"&_query_only=true", s.markDamaged)
	s.reader.SetMaxOpenConns(4)
	if found.damage != nil {
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		if isDamage(err) {
			return nil, fmt.Errorf("%w %s: %v", ErrOpen, abs, s.Damaged())
		}
		return nil, openError(abs, err)
	}
	s.backfillExportCaches(ctx)
	if err := s.staffFromBylines(ctx); err != nil {
		s.Close()
		return nil, openError(abs, err)
	}
	return s, nil
}

// markDamaged records that the file is damaged; from then on every write
// is refused. The first cause found is kept.
func (s *Store) markDamaged(cause error) {
	err := fmt.Errorf("%w: %s (%v). Nothing more is written to it. Restore the last good copy with "+
		"`newsroom restore BACKUP --db %s` (rolling backups of the default database are in %s), "+
		"or save what can still be read with `newsroom backup --to FILE` first",
		ErrDamaged, s.path, cause, s.path, BackupDir(s.path))
	s.damage.CompareAndSwap(nil, &err)
}

// Damaged returns nil while the database is sound, else an error
// wrapping ErrDamaged that says how to restore it.
func (s *Store) Damaged() error {
	if p := s.damage.Load(); p != nil {
		return *p
	}
	return nil
}

// checkPath gives clear errors for the cases SQLite reports vaguely.
func checkPath(path string) error {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		dir := filepath.Dir(path)
		if _, err := os.Stat(dir); err != nil {
			return fmt.Errorf("%w %s: folder %s does not exist", ErrOpen, path, dir)
		}
		return nil
	case err != nil:
		return fmt.Errorf("%w %s: %v", ErrOpen, path, err)
	case info.IsDir():
		return fmt.Errorf("%w %s: it is a folder, not a database file", ErrOpen, path)
	}
	// SQLite would open a read-only file read-only and fail at the first
	// save; WAL also needs to create files beside it. Say so up front.
	if syscall.Access(path, 2 /* W_OK */) != nil {
		return fmt.Errorf("%w %s: the file is read-only", ErrOpen, path)
	}
	if dir := filepath.Dir(path); syscall.Access(dir, 2 /* W_OK */) != nil {
		return fmt.Errorf("%w %s: its folder %s is read-only", ErrOpen, path, dir)
	}
	return nil
}

// openError turns SQLite's error into one naming the file.
func openError(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB:
			return fmt.Errorf("%w %s: the file is not a Newsroom database (not SQLite, or damaged)", ErrOpen, path)
		case sqlite3.ErrCorrupt:
			return fmt.Errorf("%w %s: the database is damaged (%v)", ErrOpen, path, err)
		case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
			return fmt.Errorf("%w %s: the file or its folder cannot be written (%v)", ErrOpen, path, err)
		}
	}
	msg := err.Error()
	if strings.Contains(msg, "no such module: fts5") {
		return fmt.Errorf("%w %s: this program was built without SQLite full-text search; build it with `make build` (go build -tags sqlite_fts5)", ErrOpen, path)
	}
	if strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only") || strings.Contains(msg, "unable to open") {
		return fmt.Errorf("%w %s: the file or its folder cannot be written (%v)", ErrOpen, path, err)
	}
	return fmt.Errorf("%w %s: %v", ErrOpen, path, err)
}

// escapePath makes a file path safe inside a file: URI.
func escapePath(p string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return r.Replace(p)
}

// Path returns the absolute path of the database file; for PostgreSQL,
// the server as postgres://host:port/dbname (never the password).
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	if s.watcher != nil {
		s.watcher.stop()
	}
	var errs []error
	if s.reader != nil {
		errs = append(errs, s.reader.Close())
	}
	if s.writer != nil {
		errs = append(errs, s.writer.Close())
	}
	return errors.Join(errs...)
}

// SetClock replaces the clock, for tests.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// inTx runs fn in one write transaction (BEGIN IMMEDIATE on SQLite; on
// PostgreSQL one holding the advisory write lock), committing when
// fn returns nil and rolling back otherwise.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return s.damaged(refusedByDatabase(s.lockRefusedByDatabase(err)))
	}
	if err := tx.Commit(); err != nil {
		return s.damaged(refusedByDatabase(s.lockRefusedByDatabase(fmt.Errorf("commit: %w", err))))
	}
	if s.watcher != nil {
		s.watcher.stale.Store(true) // read our own change from the database
	}
	return s.Damaged()
}

// beginWrite starts a write transaction (BEGIN IMMEDIATE) unless the
// database is damaged.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	if err := s.Damaged(); err != nil {
		return nil, err
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.damaged(fmt.Errorf("begin write: %w", err))
	}
	if err := s.backend.lockWrites(ctx, tx); err != nil {
		_ = tx.Rollback()
		return nil, fmt.Errorf("begin write: %w", err)
	}
	return tx, nil
}

// damaged returns the damage error in place of err once err (or anything
// before it) found the file damaged, else err.
func (s *Store) damaged(err error) error {
	if d := s.Damaged(); d != nil {
		return d
	}
	return err
}

// micros stores a time as unix microseconds; the zero time is NULL.
func micros(t time.Time) sql.NullInt64 {
	if t.IsZero() {
		return sql.NullInt64{}
	}
	return sql.NullInt64{Int64: t.UnixMicro(), Valid: true}
}

// fromMicros reads a time stored by micros.
func fromMicros(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}
