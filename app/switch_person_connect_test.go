package app

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// holdsOpen reports whether the window's store, signed in as login, has
// the article id open in the editor with login's lock on it.
func holdsOpen(ui *mainUI, id int64, login string) func() bool {
	return func() bool {
		cur := ui.articles.Editor().Current()
		if cur == nil || cur.ID != id {
			return false
		}
		m, _ := ui.store.SignedIn()
		l, ok, err := ui.store.LockOf(context.Background(), id)
		return m.Login == login && err == nil && ok && l.Login == login && l.Mine
	}
}

// connectAsFromOwnLogin runs File → Switch person… over a connection made
// with rita's own login to server (the ui's store signed in as rita, the
// article open), taps "Connect as someone else…" and connects as login,
// into database db when not empty (else the one filled in).
func connectAsFromOwnLogin(t *testing.T, ui *mainUI, q *screenTestQueue, conn connection, login, db string) {
	t.Helper()
	ui.switchPersonOver(conn)
	q.Settle()
	if ui.switchUI == nil {
		t.Fatal("Switch person says nothing on rita's own login")
	}
	test.Tap(ui.switchUI.connect)
	cd := ui.connectUI
	if cd == nil {
		t.Fatal("no connect dialog")
	}
	if db != "" {
		cd.db.SetText(db)
	}
	test.Type(cd.user, login)
	test.Type(cd.password, "pw of "+login)
	test.Tap(cd.connect)
}

// TestConnectAsSomeoneElseReopensTheArticle: on rita's own database
// login, Switch person's "Connect as someone else…" to the same newsroom
// as ada opens the article rita had open again, for ada, with ada's lock;
// connecting to another newsroom opens nothing of the same id there. (The
// connection is a stand-in: the window's opener connects to the same
// SQLite file and signs in as the login, as a personal PostgreSQL login
// does; TestConnectAsSomeoneElseOnPostgres does it on a real server.)
func TestConnectAsSomeoneElseReopensTheArticle(t *testing.T) {
	for _, otherNewsroom := range []bool{false, true} {
		st := newTestStore(t)
		a := twoStaff(t, st)
		ctx := context.Background()
		if _, err := st.SignIn(ctx, "rita"); err != nil {
			t.Fatal(err)
		}
		other := filepath.Join(t.TempDir(), "other.db")
		var mu sync.Mutex
		var asked []string
		ui, q := newSignInUI(t, st)
		ui.given = st
		ui.opener = func(target string) (*storage.Store, error) {
			mu.Lock()
			asked = append(asked, target)
			mu.Unlock()
			path := st.Path()
			if otherNewsroom {
				path = other
			}
			s, err := storage.Open(path)
			if err != nil {
				return nil, err
			}
			if otherNewsroom {
				twoStaff(t, s) // an article of the same id, in another newsroom
			}
			u, _ := url.Parse(target)
			if _, err := s.SignIn(ctx, u.User.Username()); err != nil {
				s.Close()
				return nil, err
			}
			return s, nil
		}
		t.Cleanup(ui.closeOpened)
		ui.signIn(func() { ui.build() })
		q.waitUntil(t, "built", func() bool { return ui.tabs != nil })
		ui.articles.OpenSlug("story")
		q.waitUntil(t, "rita's article and lock", holdsOpen(ui, a.ID, "rita"))

		db := ""
		if otherNewsroom {
			db = "other"
		}
		connectAsFromOwnLogin(t, ui, q, ownLogin{login: "rita", path: "postgres://rita@db.example.org:5433/desk"}, "ada", db)
		q.waitUntil(t, "connected as ada", func() bool {
			m, _ := ui.store.SignedIn()
			return ui.store != st && m.Login == "ada" && ui.tabs != nil
		})
		mu.Lock()
		want := "postgres://ada:pw%20of%20ada@db.example.org:5433/desk"
		if otherNewsroom {
			want = "postgres://ada:pw%20of%20ada@db.example.org:5433/other"
		}
		if len(asked) != 1 || asked[0] != want {
			t.Errorf("connected to %q, want %q", asked, want)
		}
		mu.Unlock()
		if otherNewsroom {
			q.Settle()
			if cur := ui.articles.Editor().Current(); cur != nil {
				t.Errorf("another newsroom opened its article %d (%q): ids are not the same article there", cur.ID, cur.Slug)
			}
			continue
		}
		q.waitUntil(t, "the article open again for ada, with her lock", holdsOpen(ui, a.ID, "ada"))
		if l, ok, err := st.LockOf(ctx, a.ID); err != nil || !ok || l.Login != "ada" {
			t.Errorf("the lock in the database: %+v %v %v", l, ok, err)
		}
	}
}

// TestConnectAsSomeoneElseOnPostgres: two staff members with their own
// PostgreSQL logins; the desk is connected as Rita with her article open.
// Switch person's "Connect as someone else…" as Ada (the server filled
// in, her login typed) connects as Ada and opens the same article again
// for her, with her lock.
func TestConnectAsSomeoneElseOnPostgres(t *testing.T) {
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skip("connecting with personal database logins needs PostgreSQL: set " + storetest.EnvPostgres + " (make test-postgres does)")
	}
	ctx := context.Background()
	target := storetest.Target(t, "")
	owner, err := storage.Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer owner.Close()
	suffix := fmt.Sprintf("%d-%d", os.Getpid(), time.Now().UnixNano()%1e9)
	rita, ada := "trita-"+suffix, "tada-"+suffix
	admin, err := sql.Open("pgx", target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() }) // after the roles are dropped
	for _, m := range []domain.Staff{{Login: ada, Name: "Ada Admin", Role: domain.RoleAdmin}, {Login: rita, Name: "Rita Reporter", Role: domain.RoleReporter}} {
		t.Cleanup(func() {
			if _, err := admin.ExecContext(context.Background(), `DROP ROLE IF EXISTS "`+m.Login+`"`); err != nil {
				t.Errorf("drop test role %s: %v", m.Login, err)
			}
		})
		if _, err := owner.AddStaffLogin(ctx, m, "pw of "+m.Login); err != nil {
			t.Fatal(err)
		}
	}
	a := &domain.Article{Slug: "story", Headline: "Story", Byline: "Rita Reporter", Body: "Text.", Status: domain.StatusDraft}
	if err := owner.CreateArticle(ctx, a, "setup"); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(target)
	u.User = url.User(rita)
	st, err := storage.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	ui, q := newSignInUI(t, st)
	ui.given = st
	t.Cleanup(func() { st.Close() })
	t.Cleanup(ui.closeOpened)
	ui.signIn(func() { ui.build() })
	q.waitUntil(t, "built", func() bool { return ui.tabs != nil })
	if m, _ := st.SignedIn(); m.Login != rita {
		t.Fatalf("rita's own login signed in %+v", m)
	}
	ui.articles.OpenSlug("story")
	q.waitUntil(t, "rita's article and lock", holdsOpen(ui, a.ID, rita))

	connectAsFromOwnLogin(t, ui, q, st, ada, "")
	q.waitUntil(t, "connected as ada", func() bool {
		login, own := ui.store.DatabaseLogin()
		return ui.store != st && own && login == ada && ui.tabs != nil
	})
	q.waitUntil(t, "the article open again for ada, with her lock", holdsOpen(ui, a.ID, ada))
}
