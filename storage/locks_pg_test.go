package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"newsroom/domain"
)

// addTestLogin adds a staff member with a database login of their own
// (dropped at cleanup) to the test newsroom.
func (n *pgNewsroom) addTestLogin(t *testing.T, name string, role domain.Role) string {
	t.Helper()
	login := fmt.Sprintf("t%s-%d-%d", strings.ToLower(name[:3]), os.Getpid(), pgRoleCounter.Add(1))
	t.Cleanup(func() { dropTestRole(t, n.owner, login) })
	if _, err := n.owner.AddStaffLogin(context.Background(), domain.Staff{Login: login, Name: name, Role: role}, "secret of "+login); err != nil {
		t.Fatalf("add %s: %v", login, err)
	}
	return login
}

// openAs opens a Store connected as login (signed in as them).
func (n *pgNewsroom) openAs(t *testing.T, login string) *Store {
	t.Helper()
	s, err := Open(n.as(t, login))
	if err != nil {
		t.Fatalf("open as %s: %v", login, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// wantLockRefusal requires the database's lock refusal naming holder.
func wantLockRefusal(t *testing.T, what string, err error, holder string) {
	t.Helper()
	var pg *pgconn.PgError
	if !errors.As(err, &pg) || pg.Code != lockRefusalCode || !strings.HasPrefix(pg.Message, holder+" is editing this article") {
		t.Errorf("%s: want the database to refuse it (%s is editing), got %v", what, holder, err)
	}
}

// lockRow is an article's lock row as the owner reads it.
type lockRow struct {
	login, token     string
	since, refreshed int64
}

func (n *pgNewsroom) lockRow(t *testing.T, articleID int64) lockRow {
	t.Helper()
	var r lockRow
	err := n.owner.writer.QueryRowContext(context.Background(), `SELECT login, token, since, refreshed_at FROM article_locks WHERE article_id = $1`,
		articleID).Scan(&r.login, &r.token, &r.since, &r.refreshed)
	if errors.Is(err, sql.ErrNoRows) {
		return lockRow{}
	}
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDatabaseEnforcesLocks: with two reporters' own logins, the second
// one, in plain SQL on her own connection, can neither take over, age nor
// delete the first one's live lock, nor save an article she co-writes
// while he holds it; the Store reports that refusal as a LockedError; an
// editor breaks the lock; an expired lock is anyone's.
func TestDatabaseEnforcesLocks(t *testing.T) {
	n := newPGNewsroom(t)
	ctx := context.Background()
	rita := n.login[domain.RoleReporter]
	bea := n.addTestLogin(t, "Bea Reporter", domain.RoleReporter)
	shared := sample("shared")
	shared.Byline = "Rita Reporter and Bea Reporter"
	if err := n.owner.CreateArticle(ctx, shared, "setup"); err != nil {
		t.Fatal(err)
	}
	ritaDesk := n.openAs(t, rita)
	for _, id := range []int64{n.own.ID, shared.ID} {
		if _, err := ritaDesk.AcquireLock(ctx, id); err != nil {
			t.Fatalf("rita locks %d: %v", id, err)
		}
	}
	if err := ritaDesk.RefreshLock(ctx, n.own.ID); err != nil {
		t.Fatalf("rita renews her lock: %v", err)
	}
	held := n.lockRow(t, n.own.ID)
	beaSQL := n.sqlAs(t, bea)
	own, sharedID := fmt.Sprint(n.own.ID), fmt.Sprint(shared.ID)

	// Bea may not touch Rita's live lock on Rita's article.
	for _, c := range []struct{ what, sql string }{
		{"take it over", `UPDATE article_locks SET login = '` + bea + `', token = 'bea' WHERE article_id = ` + own},
		{"age it", `UPDATE article_locks SET refreshed_at = 0 WHERE article_id = ` + own},
		{"delete it", `DELETE FROM article_locks WHERE article_id = ` + own},
		{"take it as the Store does", `INSERT INTO article_locks (article_id, login, token, since, refreshed_at)
			VALUES (` + own + `, '` + bea + `', 'bea', 1, 1) ON CONFLICT (article_id) DO UPDATE SET login = excluded.login,
			token = excluded.token, since = excluded.since, refreshed_at = excluded.refreshed_at`},
	} {
		_, err := beaSQL.ExecContext(ctx, c.sql)
		wantLockRefusal(t, "bea may "+c.what, err, "Rita Reporter")
	}
	if got := n.lockRow(t, n.own.ID); got != held {
		t.Fatalf("rita's lock changed: %+v, was %+v", got, held)
	}
	// Nor lock an article in someone else's name.
	if _, err := beaSQL.ExecContext(ctx, `INSERT INTO article_locks (article_id, login, token, since, refreshed_at)
		VALUES (`+fmt.Sprint(n.draft.ID)+`, '`+rita+`', 'forged', 1, 1)`); !isSQLState(err, "42501") {
		t.Errorf("bea locks an article in rita's name: %v", err)
	}

	// Bea, a co-author, may not save the article Rita holds: not in SQL,
	if _, err := beaSQL.ExecContext(ctx, `UPDATE articles SET headline = 'Bea was here' WHERE id = `+sharedID); err != nil {
		wantLockRefusal(t, "bea saves the shared article", err, "Rita Reporter")
	} else {
		t.Error("bea saved the article rita holds")
	}
	// nor through a Store whose clock says Rita's lock expired: the
	// database's refusal reaches her as the Store's own lock error.
	beaDesk := n.openAs(t, bea)
	beaDesk.SetClock(func() time.Time { return time.Now().Add(LockTTL + time.Minute) })
	a, err := beaDesk.GetArticle(ctx, shared.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Headline = "Bea was here"
	_, err = beaDesk.SaveArticle(ctx, a, "")
	var locked *LockedError
	if !errors.As(err, &locked) || locked.Holder.Name != "Rita Reporter" || locked.Holder.Login != rita ||
		!strings.Contains(err.Error(), "Rita Reporter is editing it since") {
		t.Fatalf("bea's Store saves under rita's lock: %v", err)
	}
	if got, _ := n.owner.GetArticle(ctx, shared.ID); got.Headline == "Bea was here" {
		t.Fatal("the refused save reached the article")
	}

	// An editor saves under the lock, and takes it over.
	ed := n.login[domain.RoleEditor]
	if _, err := n.sqlAs(t, ed).ExecContext(ctx, `UPDATE articles SET standfirst = 'Ed edits' WHERE id = `+sharedID); err != nil {
		t.Fatalf("the editor saves under rita's lock: %v", err)
	}
	edDesk := n.openAs(t, ed)
	if _, err := edDesk.TakeOverLock(ctx, shared.ID); err != nil {
		t.Fatalf("the editor takes over: %v", err)
	}
	if err := ritaDesk.RefreshLock(ctx, shared.ID); !errors.Is(err, ErrLockLost) || !strings.Contains(err.Error(), "Ed Editor took over") {
		t.Fatalf("rita renews a lock taken over: %v", err)
	}
	// The contributor (not on the byline) may not take it from the editor;
	// Bea, on the byline, may (as domain.ActTakeOver says).
	_, err = n.sqlAs(t, n.login[domain.RoleContributor]).ExecContext(ctx,
		`UPDATE article_locks SET login = current_user, token = 'cora' WHERE article_id = `+sharedID)
	wantLockRefusal(t, "the contributor takes over", err, "Ed Editor")
	if _, err := beaSQL.ExecContext(ctx, `UPDATE article_locks SET login = current_user, token = 'bea' WHERE article_id = `+sharedID); err != nil {
		t.Errorf("a co-author takes over: %v", err)
	}

	// An expired lock is free: Bea takes Rita's, with the server's times.
	if _, err := n.owner.writer.ExecContext(ctx, `UPDATE article_locks SET refreshed_at = refreshed_at - $1 WHERE article_id = $2`,
		(LockTTL + time.Second).Microseconds(), n.own.ID); err != nil {
		t.Fatal(err)
	}
	before := time.Now().Add(-time.Minute).UnixMicro()
	if _, err := beaSQL.ExecContext(ctx, `INSERT INTO article_locks (article_id, login, token, since, refreshed_at)
		VALUES (`+own+`, '`+bea+`', 'bea', 1, 1) ON CONFLICT (article_id) DO UPDATE SET login = excluded.login,
		token = excluded.token, since = excluded.since, refreshed_at = excluded.refreshed_at`); err != nil {
		t.Fatalf("bea takes an expired lock: %v", err)
	}
	if got := n.lockRow(t, n.own.ID); got.login != bea || got.since < before || got.refreshed < before {
		t.Fatalf("the expired lock taken: %+v (the times must be the server's)", got)
	}
	// Rita finds out, and Bea releases her own.
	if err := ritaDesk.RefreshLock(ctx, n.own.ID); !errors.Is(err, ErrLockLost) {
		t.Fatalf("rita renews a lock taken after it expired: %v", err)
	}
	if _, err := beaSQL.ExecContext(ctx, `DELETE FROM article_locks WHERE article_id = `+own); err != nil {
		t.Fatalf("bea releases her lock: %v", err)
	}
}

// isSQLState reports whether err is PostgreSQL's error code.
func isSQLState(err error, code string) bool {
	var pg *pgconn.PgError
	return errors.As(err, &pg) && pg.Code == code
}

// TestLockTTLIsTheDatabases: the database's lock lifetime is LockTTL.
func TestLockTTLIsTheDatabases(t *testing.T) {
	n := newPGNewsroom(t)
	var ttl int64
	if err := n.owner.writer.QueryRowContext(context.Background(), `SELECT newsroom_lock_ttl_micros()`).Scan(&ttl); err != nil {
		t.Fatal(err)
	}
	if ttl != LockTTL.Microseconds() {
		t.Fatalf("the database's lock lifetime is %d µs, storage's %v", ttl, LockTTL)
	}
}
