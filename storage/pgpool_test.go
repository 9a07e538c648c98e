package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"newsroom/storage/storetest"
)

func TestApplicationName(t *testing.T) {
	cases := []struct{ purpose, login, want string }{
		{"desk", "maria-lopez", "newsroom desk maria-lopez"},
		{"export", "", "newsroom export"},
		{"", "newsroom", "newsroom newsroom"},
		{" desk ", "José", "newsroom desk Jos?"},
		{"desk", strings.Repeat("x", 80), "newsroom desk " + strings.Repeat("x", 63-len("newsroom desk "))},
	}
	for _, c := range cases {
		if got := applicationName(c.purpose, c.login); got != c.want {
			t.Errorf("applicationName(%q, %q) = %q, want %q", c.purpose, c.login, got, c.want)
		}
	}
}

var poolTestCounter atomic.Int64

// countSessions counts the server sessions of database db named app.
func countSessions(db, app string) (int, error) {
	admin, err := sql.Open("pgx", os.Getenv(storetest.EnvPostgres))
	if err != nil {
		return 0, err
	}
	defer admin.Close()
	var n int
	err = admin.QueryRowContext(context.Background(), `SELECT count(*) FROM pg_stat_activity
		WHERE datname = $1 AND application_name = $2`, db, app).Scan(&n)
	return n, err
}

// pgSessions is countSessions, failing the test on an error.
func pgSessions(t *testing.T, db, app string) int {
	t.Helper()
	n, err := countSessions(db, app)
	if err != nil {
		t.Fatalf("count sessions: %v", err)
	}
	return n
}

// TestPostgresPoolBounds: a store holds at most its pools' bounds plus
// the listening connection through writes, a write transaction reading on
// the reader pool, and an export-like burst of concurrent reads; its
// connections carry its application_name; once idle for IdleTime it is
// down to the listening connection.
func TestPostgresPoolBounds(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: connections to a server (set " + storetest.EnvPostgres + ")")
	}
	ctx := context.Background()
	target := storetest.Target(t, "x.db")
	db := storetest.DatabaseName(target)
	purpose := fmt.Sprintf("pooltest-%d-%d", os.Getpid(), poolTestCounter.Add(1))
	const idle = time.Second
	s, err := OpenWith(target, Options{Purpose: purpose, IdleTime: idle})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	app := applicationName(purpose, s.pgConfig.User)
	// The bounds a desk promises (README, A shared newsroom): busy, one
	// writer, three readers and the listener; between bursts, one writer,
	// one reader and the listener; idle, the listener alone.
	const busyBound, openedBound = 5, 3
	if pgWriterConns+pgReaderConns+1 > busyBound || pgWriterIdle+pgReaderIdle+1 > openedBound {
		t.Fatalf("the pools are sized beyond the promised bounds %d and %d", busyBound, openedBound)
	}
	waitListening(t, s)
	if n := pgSessions(t, db, app); n < 1 || n > openedBound {
		t.Errorf("just opened: %d sessions named %q, want 1 to %d", n, app, openedBound)
	}

	var ids []int64
	for i := range 12 {
		a := sample(fmt.Sprintf("pool-%d", i))
		if err := s.CreateArticle(ctx, a, "test"); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}

	// The burst: readers on every side, writes, and write transactions
	// that read on the reader pool meanwhile, while the sessions are
	// counted.
	var most atomic.Int64
	stop := make(chan struct{})
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if n, err := countSessions(db, app); err == nil && int64(n) > most.Load() {
				most.Store(int64(n))
			}
			time.Sleep(5 * time.Millisecond)
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 6 {
				var err error
				switch (w + round) % 4 {
				case 0:
					_, err = s.ExportArticles(ctx, true)
				case 1:
					_, err = s.GetArticle(ctx, ids[(w+round)%len(ids)])
				case 2:
					_, err = s.ListArticles(ctx, ArticleQuery{})
				case 3:
					_, err = s.ExportSummaries(ctx, true)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 3 {
				a, err := s.GetArticle(ctx, ids[w])
				if err == nil {
					a.Headline = fmt.Sprintf("Headline %d/%d", w, round)
					_, err = s.SaveArticle(ctx, a, "test")
				}
				if err == nil {
					// A read on the reader pool inside a write transaction.
					err = s.inTx(ctx, func(tx *sql.Tx) error {
						_, err := s.GetArticle(ctx, ids[(w+1)%len(ids)])
						return err
					})
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("the burst did not finish in 60 s: a pool waits on itself")
	}
	close(stop)
	<-counted
	close(errs)
	for err := range errs {
		t.Errorf("burst: %v", err)
	}
	if n := most.Load(); n > busyBound {
		t.Errorf("during the burst: up to %d sessions named %q, want at most %d", n, app, busyBound)
	} else if n < 2 {
		t.Errorf("during the burst: at most %d sessions named %q counted; the count does not see the pools", n, app)
	}
	t.Logf("sessions during the burst: at most %d (bound %d)", most.Load(), busyBound)

	const wait = 4*idle + 5*time.Second
	deadline := time.Now().Add(wait)
	n := pgSessions(t, db, app)
	for n > 1 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		n = pgSessions(t, db, app)
	}
	if n != 1 {
		t.Errorf("idle for %v: %d sessions named %q, want only the listening one", wait, n, app)
	}
}

// waitListening waits until s's watcher listens.
func waitListening(t *testing.T, s *Store) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.watcher.mu.Lock()
		live := s.watcher.live
		s.watcher.mu.Unlock()
		if live {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("the watcher does not listen after 10 s")
}

// TestPostgresCommandHoldsNoListener: a store opened without the change
// listener (as commands are) still reads the change counters, from the
// database, and holds no connection at all once idle.
func TestPostgresCommandHoldsNoListener(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: connections to a server (set " + storetest.EnvPostgres + ")")
	}
	ctx := context.Background()
	target := storetest.Target(t, "x.db")
	db := storetest.DatabaseName(target)
	purpose := fmt.Sprintf("pooltest-%d-%d", os.Getpid(), poolTestCounter.Add(1))
	s, err := OpenWith(target, Options{Purpose: purpose, IdleTime: time.Second, NoChangeListener: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	app := applicationName(purpose, s.pgConfig.User)
	before, err := s.ChangeCounter(ctx, "articles")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreateArticle(ctx, sample("cmd"), "test"); err != nil {
		t.Fatal(err)
	}
	if after, err := s.ChangeCounter(ctx, "articles"); err != nil || after <= before {
		t.Errorf("the articles counter went from %d to %d (%v)", before, after, err)
	}
	if n := pgSessions(t, db, app); n < 1 || n > 2 {
		t.Errorf("after a write and reads: %d sessions named %q, want 1 or 2 (no listener)", n, app)
	}
	deadline := time.Now().Add(10 * time.Second)
	n := pgSessions(t, db, app)
	for n > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		n = pgSessions(t, db, app)
	}
	if n != 0 {
		t.Errorf("idle: %d sessions named %q, want none", n, app)
	}
}
