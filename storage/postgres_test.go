package storage

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestIsPostgresTarget(t *testing.T) {
	cases := map[string]bool{
		"postgres://ann@db.example.com/newsroom":       true,
		"postgresql://ann:pw@10.0.0.5:5433/newsroom":   true,
		"host=db.example.com dbname=newsroom user=ann": true,
		"dbname=newsroom":       true,
		"newsroom.db":           false,
		"/home/ann/newsroom.db": false,
		"./host=x.db":           false,
		"my notes.db":           false,
		"":                      false,
	}
	for target, want := range cases {
		if got := IsPostgresTarget(target); got != want {
			t.Errorf("IsPostgresTarget(%q) = %v, want %v", target, got, want)
		}
	}
}

// TestPostgresErrorsNameTheServerNotThePassword opens servers that are
// not there: the message names host, port and database, never the
// password, whichever way the target gives it.
func TestPostgresErrorsNameTheServerNotThePassword(t *testing.T) {
	const secret = "s3cretPassw0rd"
	cases := []struct{ target, server string }{
		{"postgres://ann:" + secret + "@127.0.0.1:1/newsroom?connect_timeout=5", "127.0.0.1:1/newsroom"},
		{"host=127.0.0.1 port=1 dbname=desk user=ann password=" + secret + " connect_timeout=5", "127.0.0.1:1/desk"},
		{"postgres://ann@127.0.0.1:1/newsroom?password=" + secret + "&connect_timeout=5", "127.0.0.1:1/newsroom"},
		{"postgres://ann:" + secret + "@127.0.0.1:1/newsroom?sslmode=nonsense", "127.0.0.1:1/newsroom"},
	}
	for _, c := range cases {
		s, err := Open(c.target)
		if err == nil {
			s.Close()
			t.Fatalf("%s: opened", c.server)
		}
		msg := err.Error()
		if strings.Contains(msg, secret) {
			t.Errorf("the error shows the password: %s", msg)
		}
		if !strings.Contains(msg, c.server) {
			t.Errorf("the error does not name %s: %s", c.server, msg)
		}
		if !errors.Is(err, ErrOpen) {
			t.Errorf("%s: not ErrOpen: %v", c.server, err)
		}
	}
}

func TestRebindPlaceholders(t *testing.T) {
	cases := map[string]string{
		`SELECT a FROM t WHERE x = ? AND y = ?`:          `SELECT a FROM t WHERE x = $1 AND y = $2`,
		`SELECT '?' , "a?" FROM t WHERE x = ? -- why?`:   `SELECT '?' , "a?" FROM t WHERE x = $1 -- why?`,
		"SELECT 1 -- ?\nWHERE x = ?":                     "SELECT 1 -- ?\nWHERE x = $1",
		`CREATE FUNCTION f() AS $$ SELECT '?' $$; ? `:    `CREATE FUNCTION f() AS $$ SELECT '?' $$; $1 `,
		`SELECT 'it''s' WHERE a IN (?, ?, ?)`:            `SELECT 'it''s' WHERE a IN ($1, $2, $3)`,
		`SELECT value FROM json_array_elements(?::json)`: `SELECT value FROM json_array_elements($1::json)`,
		`SELECT no placeholders`:                         `SELECT no placeholders`,
	}
	var r rebinder
	for in, want := range cases {
		if got := r.rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
		if got := r.rebind(in); got != want { // from the cache
			t.Errorf("cached rebind(%q) = %q", in, got)
		}
	}
}

// TestMigrationsMatch keeps the two backends' migrations in step: every
// schema version exists for both, under the same name.
func TestMigrationsMatch(t *testing.T) {
	lite, err := loadMigrationsOf(backendSQLite)
	if err != nil {
		t.Fatal(err)
	}
	pg, err := loadMigrationsOf(backendPostgres)
	if err != nil {
		t.Fatal(err)
	}
	names := func(ms []migration) (out []string) {
		for _, m := range ms {
			out = append(out, m.name)
		}
		return out
	}
	if !reflect.DeepEqual(names(lite), names(pg)) {
		t.Fatalf("migrations differ:\nSQLite     %v\nPostgreSQL %v", names(lite), names(pg))
	}
}

// TestFileOperationsSayWhatToDoOnPostgres: backup, rolling backup and
// restore are file operations; on a PostgreSQL newsroom (and for a URL
// given to restore) they refuse with ErrNotAFile, which names pg_dump
// and newsroom copy.
func TestFileOperationsSayWhatToDoOnPostgres(t *testing.T) {
	ctx := context.Background()
	if _, err := Restore(ctx, "postgres://ann:pw@db.example.com/desk", "backup.db", time.Now()); !errors.Is(err, ErrNotAFile) || strings.Contains(err.Error(), ":pw@") {
		t.Fatalf("restore onto a URL: %v", err)
	}
	s, _ := openTemp(t)
	if s.backend != backendPostgres {
		if err := s.Backup(ctx, filepath.Join(t.TempDir(), "b.db"), false); err != nil {
			t.Fatalf("backup of a file: %v", err)
		}
		return
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "b.db"), false); !errors.Is(err, ErrNotAFile) || !strings.Contains(err.Error(), "pg_dump") {
		t.Fatalf("backup: %v", err)
	}
	if _, err := s.RollingBackup(ctx, time.Now()); !errors.Is(err, ErrNotAFile) {
		t.Fatalf("rolling backup: %v", err)
	}
}

func TestSameNewsroom(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		a, b string
		want bool
	}{
		{"postgres://rita@db.example.org:5433/desk", "postgres://ada:pw@db.example.org:5433/desk", true},
		{"postgres://rita@/desk?host=/tmp/pg", "postgres://ada:secret@/desk?host=%2Ftmp%2Fpg", true},
		{"postgres://rita@db.example.org:5433/desk", "host=db.example.org port=5433 dbname=desk user=ada", true},
		{"postgres://rita@db.example.org:5433/desk", "postgres://rita@db.example.org:5433/other", false},
		{"postgres://rita@db.example.org:5433/desk", "postgres://rita@db.example.org/desk", false},
		{"postgres://rita@db.example.org:5433/desk", "postgres://rita@db2.example.org:5433/desk", false},
		{filepath.Join(dir, "a.db"), filepath.Join(dir, ".", "a.db"), true},
		{filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), false},
		{filepath.Join(dir, "desk"), "postgres://rita@db.example.org:5433/desk", false},
	}
	for _, c := range cases {
		if got := SameNewsroom(c.a, c.b); got != c.want {
			t.Errorf("SameNewsroom(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
