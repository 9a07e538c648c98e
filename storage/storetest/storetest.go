// Package storetest gives tests a fresh, empty place for a newsroom: a
// SQLite file in the test's temporary folder, or — when the environment
// variable NEWSROOM_TEST_POSTGRES holds the URL of a PostgreSQL server
// (make test sets it, see tools/pgcluster.sh) — a database of its own on
// that server, created for the test and dropped after it. One test suite
// so runs on both backends.
package storetest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the pgx database/sql driver
)

// EnvPostgres names the variable that holds the PostgreSQL server's URL.
const EnvPostgres = "NEWSROOM_TEST_POSTGRES"

// Postgres reports whether the tests run on PostgreSQL.
func Postgres() bool { return os.Getenv(EnvPostgres) != "" }

// SkipOnPostgres skips a test that is about SQLite files themselves.
func SkipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if Postgres() {
		t.Skip("SQLite only: " + why)
	}
}

var counter atomic.Int64

// Target returns what storage.Open takes for a fresh, empty newsroom:
// a file named name in a temporary folder, or the URL of a new database on
// the test PostgreSQL server (dropped when the test ends).
func Target(t testing.TB, name string) string {
	t.Helper()
	base := os.Getenv(EnvPostgres)
	if base == "" {
		return filepath.Join(t.TempDir(), name)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", EnvPostgres, err)
	}
	db := fmt.Sprintf("nr_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, counter.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("connect to %s: %v", EnvPostgres, err)
	}
	defer admin.Close()
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+db+` TEMPLATE template0 ENCODING 'UTF8'`); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() { drop(base, db) })
	u.Path = "/" + db
	return u.String()
}

// DatabaseName returns the database a Target URL names.
func DatabaseName(target string) string {
	u, err := url.Parse(target)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

// drop removes a test database, ending its sessions first.
func drop(base, db string) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return
	}
	defer admin.Close()
	_, _ = admin.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+db+` WITH (FORCE)`)
}
