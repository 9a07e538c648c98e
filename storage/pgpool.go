package storage

import (
	"database/sql"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
)

// Options are what OpenWith takes beside the target. The zero value is
// what Open uses.
type Options struct {
	// Purpose names what the program opens the newsroom for — "desk" for
	// the window, a command's name for the command line. On PostgreSQL
	// the connections carry it as application_name "newsroom PURPOSE
	// LOGIN", so that an administrator sees in pg_stat_activity who is
	// connected and from what (unless the connection string sets an
	// application_name of its own). Ignored for SQLite.
	Purpose string
	// IdleTime is how long a PostgreSQL connection may stay idle in the
	// Store's pools before it is closed; zero means DefaultIdleTime.
	IdleTime time.Duration
	// NoChangeListener leaves out the PostgreSQL connection that listens
	// for other desks' changes: for a command, which never watches
	// ChangeCounter (it then reads the database). The window needs it.
	NoChangeListener bool
}

// DefaultIdleTime is how long an idle PostgreSQL connection is kept: a
// desk left alone comes down to its listening connection after it.
const DefaultIdleTime = time.Minute

// The PostgreSQL pools of one Store, sized so that 20–50 desks fit well
// within a server's usual max_connections of 100: at most
// pgWriterConns + pgReaderConns connections plus the one that listens
// for changes (notify.go) while busy, at most pgWriterIdle + pgReaderIdle
// plus that one between bursts, and only the listening one once idle for
// IdleTime.
//
// One writer connection is enough: every write transaction takes the
// database's write lock (lockWrites), so a second one would only wait
// for it on a connection of its own. Code holding a write transaction
// may read on the reader pool (a read never waits for the writer), and no
// read holds a reader connection while it opens another or waits for the
// writer, so neither pool can wait on itself (TestPostgresPoolBounds runs
// reads inside a write transaction with the reader pool busy).
const (
	pgWriterConns = 1
	pgWriterIdle  = 1
	pgReaderConns = 3
	pgReaderIdle  = 1
)

// applicationName is the application_name of the connections: "newsroom
// PURPOSE LOGIN", in the printable ASCII PostgreSQL keeps, at most 63
// bytes (the server cuts it there anyway).
func applicationName(purpose, login string) string {
	parts := []string{"newsroom"}
	for _, p := range []string{purpose, login} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	name := strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII || !unicode.IsPrint(r) {
			return '?'
		}
		return r
	}, strings.Join(parts, " "))
	if len(name) > 63 {
		name = name[:63]
	}
	return name
}

// nameConnections sets cfg's application_name from opts unless the
// connection string gave one.
func nameConnections(cfg *pgx.ConnConfig, opts Options) {
	if cfg.RuntimeParams == nil {
		cfg.RuntimeParams = map[string]string{}
	}
	if cfg.RuntimeParams["application_name"] != "" {
		return
	}
	cfg.RuntimeParams["application_name"] = applicationName(opts.Purpose, cfg.User)
}

// sizePools bounds the writer and reader pools of a PostgreSQL store.
func sizePools(writer, reader *sql.DB, opts Options) {
	idle := opts.IdleTime
	if idle <= 0 {
		idle = DefaultIdleTime
	}
	writer.SetMaxOpenConns(pgWriterConns)
	writer.SetMaxIdleConns(pgWriterIdle)
	writer.SetConnMaxIdleTime(idle)
	reader.SetMaxOpenConns(pgReaderConns)
	reader.SetMaxIdleConns(pgReaderIdle)
	reader.SetConnMaxIdleTime(idle)
}
