package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsPostgresTarget reports whether target names a PostgreSQL server
// rather than a SQLite file: a postgres:// or postgresql:// URL, or the
// keyword form (host=… dbname=…).
func IsPostgresTarget(target string) bool {
	t := strings.TrimSpace(target)
	if strings.HasPrefix(t, "postgres://") || strings.HasPrefix(t, "postgresql://") {
		return true
	}
	fields := strings.Fields(t)
	if len(fields) == 0 {
		return false
	}
	for _, f := range fields {
		key, _, ok := strings.Cut(f, "=")
		if !ok || !libpqKeys[key] {
			return false
		}
	}
	return true
}

// libpqKeys are the connection keywords the keyword form may start with.
var libpqKeys = map[string]bool{
	"host": true, "hostaddr": true, "port": true, "dbname": true, "user": true, "password": true,
	"sslmode": true, "sslcert": true, "sslkey": true, "sslrootcert": true, "sslpassword": true,
	"connect_timeout": true, "application_name": true, "target_session_attrs": true, "service": true,
	"passfile": true, "options": true, "search_path": true,
}

// postgresServer is how errors, titles and Path name a server: a URL of
// user, host, port and database that opens it again, never the password.
func postgresServer(cfg *pgx.ConnConfig) string {
	u := url.URL{Scheme: "postgres", Path: "/" + cfg.Database}
	if cfg.User != "" {
		u.User = url.User(cfg.User)
	}
	if strings.HasPrefix(cfg.Host, "/") {
		q := url.Values{"host": {cfg.Host}}
		if cfg.Port != 5432 {
			q.Set("port", strconv.Itoa(int(cfg.Port)))
		}
		u.RawQuery = q.Encode()
	} else {
		u.Host = net.JoinHostPort(cfg.Host, strconv.Itoa(int(cfg.Port)))
	}
	return u.String()
}

// redactTarget names the server of target without its password.
func redactTarget(target string) string {
	cfg, err := pgx.ParseConfig(target)
	if err != nil {
		return "the PostgreSQL server"
	}
	return postgresServer(cfg)
}

// redact removes the password from an error message.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// redactPassword returns err with every occurrence of password (and of
// the target it came in) taken out of its message.
func redactPassword(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	changed := false
	for _, s := range secrets {
		if s != "" && strings.Contains(msg, s) {
			msg = strings.ReplaceAll(msg, s, "xxxxx")
			changed = true
		}
	}
	if !changed {
		return err
	}
	return &redactedError{msg: msg, err: errors.Unwrap(err)}
}

// passwordOf finds the password written in target (URL or keyword form),
// so that no message repeats it even when parsing fails.
func passwordOf(target string) string {
	if i := strings.Index(target, "://"); i >= 0 {
		rest := target[i+3:]
		if at := strings.LastIndex(strings.SplitN(rest, "/", 2)[0], "@"); at >= 0 {
			if _, pw, ok := strings.Cut(rest[:at], ":"); ok {
				return pw
			}
		}
		if j := strings.Index(rest, "password="); j >= 0 {
			pw := rest[j+len("password="):]
			if k := strings.IndexAny(pw, "&#"); k >= 0 {
				pw = pw[:k]
			}
			return pw
		}
		return ""
	}
	for _, f := range strings.Fields(target) {
		if pw, ok := strings.CutPrefix(f, "password="); ok {
			return strings.Trim(pw, "'")
		}
	}
	return ""
}

// openPostgres opens the newsroom on a PostgreSQL server and brings its
// schema up to date.
func openPostgres(target string, opts Options) (*Store, error) {
	secret := passwordOf(target)
	cfg, err := pgx.ParseConfig(target)
	if err != nil {
		return nil, redactPassword(fmt.Errorf("%w: the PostgreSQL connection string is not valid: %v", ErrOpen, err), secret, target)
	}
	if cfg.Password != "" {
		secret = cfg.Password
	}
	server := postgresServer(cfg)
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	nameConnections(cfg, opts)
	connector := &pgConnector{inner: stdlib.GetConnector(*cfg), binds: &rebinder{}}
	s := &Store{path: server, backend: backendPostgres, now: func() time.Time { return time.Now().UTC() }, pgConfig: cfg}
	s.writer = sql.OpenDB(connector)
	s.reader = sql.OpenDB(connector)
	sizePools(s.writer, s.reader, opts)
	ctx := context.Background()
	fail := func(err error) (*Store, error) {
		s.Close()
		return nil, redactPassword(fmt.Errorf("%w %s: %v", ErrOpen, server, err), secret)
	}
	if err := s.writer.PingContext(ctx); err != nil {
		return fail(fmt.Errorf("cannot reach the server: %w", err))
	}
	if err := s.checkForeignPostgres(ctx); err != nil {
		return fail(err)
	}
	if err := s.migrate(ctx); err != nil {
		return fail(err)
	}
	s.backfillExportCaches(ctx)
	if err := s.staffFromBylines(ctx); err != nil {
		return fail(err)
	}
	if err := s.signInAsDatabaseRole(ctx); err != nil {
		return fail(err)
	}
	if !opts.NoChangeListener {
		s.startWatcher()
	}
	return s, nil
}

// analyze refreshes PostgreSQL's statistics after a bulk load (an import,
// a copy), so that the next searches are planned for what is there now
// rather than waiting for autovacuum; a failure only costs speed.
func (s *Store) analyze(ctx context.Context) {
	if s.backend != backendPostgres {
		return
	}
	_, _ = s.writer.ExecContext(ctx, `ANALYZE`)
}

// checkForeignPostgres refuses a database that holds other tables but no
// Newsroom schema: nothing is created in someone else's database.
func (s *Store) checkForeignPostgres(ctx context.Context) error {
	var ours, others int
	err := s.reader.QueryRowContext(ctx, `SELECT
		count(*) FILTER (WHERE table_name = 'schema_migrations'),
		count(*) FILTER (WHERE table_name <> 'schema_migrations')
		FROM information_schema.tables WHERE table_schema = current_schema()`).Scan(&ours, &others)
	if err != nil {
		return fmt.Errorf("read the list of tables: %w", err)
	}
	if ours == 0 && others > 0 {
		return errors.New("the database holds other tables and is not a Newsroom database; give Newsroom a database of its own")
	}
	return nil
}

// pgConnector makes pgx connections that take the Store's SQL as it is
// written: ? placeholders are numbered and Go booleans sent as the 0/1
// integers the schema stores (as SQLite does).
type pgConnector struct {
	inner driver.Connector
	binds *rebinder
}

func (c *pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{Conn: conn.(*stdlib.Conn), binds: c.binds}, nil
}

func (c *pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is one pgx connection speaking the Store's SQL.
type pgConn struct {
	*stdlib.Conn
	binds *rebinder
}

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(c.binds.rebind(query))
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, c.binds.rebind(query))
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, c.binds.rebind(query), args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, c.binds.rebind(query), args)
}

// CheckNamedValue sends booleans as 0 and 1.
func (c *pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		if b {
			nv.Value = int64(1)
		} else {
			nv.Value = int64(0)
		}
		return nil
	}
	return c.Conn.CheckNamedValue(nv)
}

// SameNewsroom reports whether the targets a and b name the same
// newsroom: the same database on the same server whoever connects (user
// and password aside), or the same database file.
func SameNewsroom(a, b string) bool {
	if IsPostgresTarget(a) != IsPostgresTarget(b) {
		return false
	}
	if !IsPostgresTarget(a) {
		fa, errA := filepath.Abs(a)
		fb, errB := filepath.Abs(b)
		return errA == nil && errB == nil && fa == fb
	}
	ca, errA := pgx.ParseConfig(a)
	cb, errB := pgx.ParseConfig(b)
	return errA == nil && errB == nil && ca.Host == cb.Host && ca.Port == cb.Port && ca.Database == cb.Database
}
