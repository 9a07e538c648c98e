package storage

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
)

// changeChannel is the PostgreSQL channel the schema's triggers notify
// with the name of the changed counter ("articles", "comments", "locks") when a
// transaction that changed it commits.
const changeChannel = "newsroom_changes"

// pgWatcher keeps a PostgreSQL store's change counters in memory, read
// again only when the server says something changed (LISTEN/NOTIFY on a
// connection of its own), so windows watching ChangeCounter put no
// polling load on the server. While it is not listening (at start, or
// after the connection broke, until it is back) ChangeCounter asks the
// database itself.
type pgWatcher struct {
	cfg      *pgx.ConnConfig
	mu       sync.Mutex
	counters map[string]int64
	live     bool
	stale    atomic.Bool  // this process committed a change not yet heard of
	heard    atomic.Int64 // notifications received, for tests
	cancel   context.CancelFunc
	done     chan struct{}
}

// startWatcher starts listening for changes; Close stops it.
func (s *Store) startWatcher() {
	ctx, cancel := context.WithCancel(context.Background())
	w := &pgWatcher{cfg: s.pgConfig.Copy(), cancel: cancel, done: make(chan struct{})}
	s.watcher = w
	go w.run(ctx)
}

// stop ends the listening and waits for it.
func (w *pgWatcher) stop() {
	w.cancel()
	<-w.done
}

// run listens until ctx ends, connecting again (after a growing pause,
// at most 5 s) whenever the connection breaks.
func (w *pgWatcher) run(ctx context.Context) {
	defer close(w.done)
	pause := 100 * time.Millisecond
	for ctx.Err() == nil {
		if w.listen(ctx) {
			pause = 100 * time.Millisecond
		}
		w.setLive(false)
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}

// listen runs one connection's LISTEN session; it reports whether it got
// as far as listening.
func (w *pgWatcher) listen(ctx context.Context) bool {
	conn, err := pgx.ConnectConfig(ctx, w.cfg)
	if err != nil {
		return false
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+changeChannel); err != nil {
		return false
	}
	// Listening first, reading second: a change committed in between is
	// both read and heard of.
	if err := w.read(ctx, conn); err != nil {
		return true
	}
	w.setLive(true)
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return true
		}
		w.heard.Add(1)
		if err := w.read(ctx, conn); err != nil {
			return true
		}
	}
}

// read loads every counter.
func (w *pgWatcher) read(ctx context.Context, conn *pgx.Conn) error {
	rows, err := conn.Query(ctx, `SELECT name, value FROM change_counters`)
	if err != nil {
		return err
	}
	counters := map[string]int64{}
	for rows.Next() {
		var name string
		var value int64
		if err := rows.Scan(&name, &value); err != nil {
			rows.Close()
			return err
		}
		counters[name] = value
	}
	if err := rows.Err(); err != nil {
		return err
	}
	w.mu.Lock()
	w.counters = counters
	w.mu.Unlock()
	return nil
}

func (w *pgWatcher) setLive(live bool) {
	w.mu.Lock()
	w.live = live
	w.mu.Unlock()
}

// counter returns the counter as last heard, and whether it may be used.
func (w *pgWatcher) counter(name string) (int64, bool) {
	if w.stale.Load() {
		return 0, false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	v, ok := w.counters[name]
	return v, w.live && ok
}

// changeCounter is ChangeCounter: from memory when the watcher listens,
// else (and right after this process's own writes) from the database.
func (s *Store) changeCounter(ctx context.Context, name string) (int64, error) {
	if s.watcher != nil {
		if v, ok := s.watcher.counter(name); ok {
			return v, nil
		}
		s.watcher.stale.Store(false)
	}
	var v int64
	err := s.reader.QueryRowContext(ctx, `SELECT value FROM change_counters WHERE name = ?`, name).Scan(&v)
	if err != nil {
		return 0, fmt.Errorf("read change counter %q: %w", name, err)
	}
	return v, nil
}
