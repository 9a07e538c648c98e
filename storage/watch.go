package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"

	"github.com/mattn/go-sqlite3"
)

// isDamage reports whether err is SQLite saying the file is damaged
// (SQLITE_CORRUPT) or not a database at all (SQLITE_NOTADB).
func isDamage(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// watchedDB opens dsn with the SQLite driver, calling onDamage whenever a
// statement on it fails because the file is damaged. Errors are passed on
// unchanged.
func watchedDB(dsn string, onDamage func(error)) *sql.DB {
	return sql.OpenDB(watchConnector{dsn: dsn, onDamage: onDamage})
}

// watchConnector makes connections whose every failure is looked at.
type watchConnector struct {
	dsn      string
	onDamage func(error)
}

func (c watchConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := (&sqlite3.SQLiteDriver{}).Open(c.dsn)
	if err != nil {
		return nil, c.see(err)
	}
	return &watchConn{conn: conn.(*sqlite3.SQLiteConn), w: c}, nil
}

func (c watchConnector) Driver() driver.Driver { return &sqlite3.SQLiteDriver{} }

// see reports err to onDamage when it is damage, and returns it.
func (c watchConnector) see(err error) error {
	if err != nil && isDamage(err) {
		c.onDamage(err)
	}
	return err
}

// watchConn passes everything to the SQLite connection.
type watchConn struct {
	conn *sqlite3.SQLiteConn
	w    watchConnector
}

func (c *watchConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *watchConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	st, err := c.conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, c.w.see(err)
	}
	return &watchStmt{stmt: st.(*sqlite3.SQLiteStmt), w: c.w}, nil
}

func (c *watchConn) Close() error { return c.conn.Close() }

func (c *watchConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c *watchConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	tx, err := c.conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, c.w.see(err)
	}
	return watchTx{tx: tx, w: c.w}, nil
}

func (c *watchConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	r, err := c.conn.ExecContext(ctx, query, args)
	return r, c.w.see(err)
}

func (c *watchConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.conn.QueryContext(ctx, query, args)
	if err != nil {
		return nil, c.w.see(err)
	}
	return watchRows{Rows: rows, w: c.w}, nil
}

func (c *watchConn) Ping(ctx context.Context) error { return c.w.see(c.conn.Ping(ctx)) }

// watchTx watches commits.
type watchTx struct {
	tx driver.Tx
	w  watchConnector
}

func (t watchTx) Commit() error   { return t.w.see(t.tx.Commit()) }
func (t watchTx) Rollback() error { return t.w.see(t.tx.Rollback()) }

// watchStmt watches a prepared statement.
type watchStmt struct {
	stmt *sqlite3.SQLiteStmt
	w    watchConnector
}

func (s *watchStmt) Close() error  { return s.stmt.Close() }
func (s *watchStmt) NumInput() int { return s.stmt.NumInput() }

func (s *watchStmt) Exec(args []driver.Value) (driver.Result, error) {
	r, err := s.stmt.Exec(args) //nolint:staticcheck // the driver interface needs it
	return r, s.w.see(err)
}

func (s *watchStmt) Query(args []driver.Value) (driver.Rows, error) {
	rows, err := s.stmt.Query(args) //nolint:staticcheck // the driver interface needs it
	if err != nil {
		return nil, s.w.see(err)
	}
	return watchRows{Rows: rows, w: s.w}, nil
}

func (s *watchStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	r, err := s.stmt.ExecContext(ctx, args)
	return r, s.w.see(err)
}

func (s *watchStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := s.stmt.QueryContext(ctx, args)
	if err != nil {
		return nil, s.w.see(err)
	}
	return watchRows{Rows: rows, w: s.w}, nil
}

// watchRows watches the stepping through a result.
type watchRows struct {
	driver.Rows
	w watchConnector
}

func (r watchRows) Next(dest []driver.Value) error {
	err := r.Rows.Next(dest)
	if err == nil || err == io.EOF {
		return err
	}
	return r.w.see(err)
}
