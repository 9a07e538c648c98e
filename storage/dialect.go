package storage

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// backend says which database engine a Store runs on. The Store's code is
// one: statements are written once, with ? placeholders and SQL both
// engines understand (ON CONFLICT, RETURNING, COLLATE NOCASE — a
// collation the PostgreSQL schema defines); the few places that differ
// ask the backend.
type backend int

const (
	backendSQLite backend = iota
	backendPostgres
)

// writeLockKey is the PostgreSQL advisory lock every write transaction
// takes first, so writers queue one after another as SQLite's BEGIN
// IMMEDIATE makes them, across every process on the server.
const writeLockKey = 0x4e657773 // "News"

// readTxOptions are the options of a read transaction: one snapshot for
// all its statements (SQLite's WAL gives that to any transaction;
// PostgreSQL needs REPEATABLE READ).
func (b backend) readTxOptions() *sql.TxOptions {
	if b == backendPostgres {
		return &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	}
	return &sql.TxOptions{ReadOnly: true}
}

// lockWrites takes the write lock inside tx (PostgreSQL; SQLite's BEGIN
// IMMEDIATE already holds it).
func (b backend) lockWrites(ctx context.Context, tx *sql.Tx) error {
	if b != backendPostgres {
		return nil
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+strconv.Itoa(writeLockKey)+`)`)
	return err
}

// idsIn is the condition "column is one of the IDs in the JSON array
// given as the one parameter".
func (b backend) idsIn(column string) string {
	if b == backendPostgres {
		// The JSON array [1,2,3] read as the array literal {1,2,3}: = ANY
		// of an array lets the planner use the column's index, where a
		// set-returning function's made-up row count led it to scan the
		// table for every chunk of an export.
		return column + ` = ANY(translate(?, '[]', '{}')::bigint[])`
	}
	return column + ` IN (SELECT value FROM json_each(?))`
}

// likeNoCase is the operator of a LIKE that ignores case, as SQLite's
// LIKE does.
func (b backend) likeNoCase() string {
	if b == backendPostgres {
		return "ILIKE"
	}
	return "LIKE"
}

// migrationTableSQL creates the version table.
func (b backend) migrationTableSQL() string {
	if b == backendPostgres {
		return `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		applied_at TEXT NOT NULL DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`
	}
	return `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`
}

// String names the backend.
func (b backend) String() string {
	if b == backendPostgres {
		return "PostgreSQL"
	}
	return "SQLite"
}

// isUniqueViolation reports whether err is a UNIQUE constraint failure on
// table.column.
func isUniqueViolation(err error, table, column string) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintUnique && strings.Contains(se.Error(), table+"."+column)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505" && (pe.ConstraintName == table+"_"+column+"_key" ||
			strings.HasPrefix(pe.ConstraintName, table+"_") && strings.Contains(pe.ConstraintName, column))
	}
	return false
}

// isAnyUniqueViolation reports whether err is any UNIQUE constraint failure.
func isAnyUniqueViolation(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// isForeignKeyError reports a FOREIGN KEY constraint failure.
func isForeignKeyError(err error) bool {
	var se sqlite3.Error
	if errors.As(err, &se) {
		return se.ExtendedCode == sqlite3.ErrConstraintForeignKey
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}

// rebinder turns ? placeholders into PostgreSQL's $1, $2…, once per
// statement text.
type rebinder struct{ cache sync.Map }

// rebind returns query with every ? outside quotes and comments numbered.
func (r *rebinder) rebind(query string) string {
	if v, ok := r.cache.Load(query); ok {
		return v.(string)
	}
	out := rebindPlaceholders(query)
	r.cache.Store(query, out)
	return out
}

// rebindPlaceholders numbers the ? of query as $1, $2…, leaving string
// literals, quoted identifiers, dollar-quoted bodies and comments alone.
func rebindPlaceholders(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c)
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end])
			i += end - 1
		case c == '$' && i+1 < len(query) && query[i+1] == '$':
			end := strings.Index(query[i+2:], "$$")
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+4])
			i += end + 3
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
