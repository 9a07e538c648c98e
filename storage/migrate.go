package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

// The SQLite migrations are migrations/NNNN_*.sql, the PostgreSQL ones
// migrations/postgres/NNNN_*.sql: the same numbers, the same schema, each
// in its engine's SQL (TestMigrationsMatch keeps the two lists equal).
//
//go:embed migrations/*.sql migrations/postgres/*.sql
var migrationFiles embed.FS

// migrationDir is where the backend's migrations are.
func (b backend) migrationDir() string {
	if b == backendPostgres {
		return "migrations/postgres"
	}
	return "migrations"
}

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations reads the embedded migrations in version order. Files are
// named NNNN_description.sql.
func loadMigrations() ([]migration, error) { return loadMigrationsOf(backendSQLite) }

// loadMigrationsOf reads the backend's migrations in version order.
func loadMigrationsOf(b backend) ([]migration, error) {
	dir := b.migrationDir()
	entries, err := migrationFiles.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %q is not named NNNN_description.sql", e.Name())
		}
		body, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %q: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, err := loadMigrations()
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies every migration newer than the database's version, each
// in its own transaction together with its version row, so a crash
// mid-migration leaves the previous schema intact.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrationsOf(s.backend)
	if err != nil {
		return err
	}
	return s.applyMigrations(ctx, ms)
}

// applyMigrations applies ms (in version order) above the current version.
// Each step reads the version again inside its write transaction, so two
// programs opening a fresh PostgreSQL database at once apply every step
// exactly once (the second finds it done).
func (s *Store) applyMigrations(ctx context.Context, ms []migration) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if s.backend == backendPostgres {
			// A staff member's login may not create tables: ask first.
			var exists bool
			if err := tx.QueryRowContext(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&exists); err != nil {
				return fmt.Errorf("look for the version table: %w", err)
			}
			if exists {
				return nil
			}
		}
		if _, err := tx.ExecContext(ctx, s.backend.migrationTableSQL()); err != nil {
			return fmt.Errorf("create version table: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	latest := ms[len(ms)-1].version
	var found int
	if err := s.writer.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&found); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if found > latest {
		return fmt.Errorf("the database has schema version %d, newer than this program's %d: update Newsroom", found, latest)
	}
	for _, m := range ms {
		if m.version <= found {
			continue
		}
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			var current int
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
				return fmt.Errorf("read schema version: %w", err)
			}
			if current > latest {
				return fmt.Errorf("the database has schema version %d, newer than this program's %d: update Newsroom", current, latest)
			}
			if m.version <= current {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("apply migration %s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name) VALUES (?, ?)`, m.version, m.name)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
