package app

import (
	"bytes"
	"context"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/editor"
	"newsroom/storage"
)

func TestConnectTargetFromTheFields(t *testing.T) {
	for _, c := range []struct {
		name, url, host, port, db, user, pw, want, wantErr string
	}{
		{name: "url as given", url: "postgres://ann@db.example.org/news", want: "postgres://ann@db.example.org/news"},
		{name: "url with password", url: "postgres://ann@db.example.org:5433/news", pw: "p@ss:w/rd", want: "postgres://ann:p%40ss%3Aw%2Frd@db.example.org:5433/news"},
		{name: "keywords with password", url: "host=db dbname=news", pw: "it's", want: `host=db dbname=news password='it\'s'`},
		{name: "fields", host: "db.example.org", db: "news", user: "ann", pw: "pw", want: "postgres://ann:pw@db.example.org:5432/news"},
		{name: "socket folder", host: "/run/pg", port: "5433", db: "news", user: "ann", want: "postgres://ann@/news?host=%2Frun%2Fpg&port=5433"},
		{name: "not postgres", url: "/home/ann/news.db", wantErr: "postgres://"},
		{name: "no database", host: "db", wantErr: "the host and the database"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := connectTarget(c.url, c.host, c.port, c.db, c.user, c.pw)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, c.wantErr)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// newSwitchUI is a built main window on a file newsroom, signed in.
func newSwitchUI(t *testing.T) (*mainUI, *screenTestQueue, *storage.Store) {
	t.Helper()
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	ui.given = st
	t.Cleanup(ui.closeOpened)
	rememberRecent(ui.app.Preferences(), st.Path())
	built := false
	ui.signIn(func() { ui.build(); built = true })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	test.Type(ui.signInUI.newName, "Maria Lopez")
	test.Tap(ui.signInUI.create)
	q.waitUntil(t, "the window", func() bool { return built })
	return ui, q, st
}

// TestOpenAnotherNewsroomSavesTheOpenArticleAndSwitches: File → Open…'s
// work: what was typed is saved in the old newsroom before it closes, the
// window then signs in on the new one, lists its articles, names it in
// the title and File → Recent.
func TestOpenAnotherNewsroomSavesTheOpenArticleAndSwitches(t *testing.T) {
	ui, q, first := newSwitchUI(t)
	ctx := context.Background()
	a := &domain.Article{Slug: "council", Headline: "Council story", Body: "The council met.", Status: domain.StatusDraft}
	if err := first.CreateArticle(ctx, a, "t"); err != nil {
		t.Fatal(err)
	}
	ui.articles.Reload()
	q.waitUntil(t, "the list", func() bool { return len(ui.articles.items) == 1 })
	ui.articles.editor.Load(a.ID, editor.FocusBody)
	q.waitUntil(t, "the article open", func() bool { return ui.articles.editor.Current() != nil })
	test.Type(ui.articles.editor.Body(), " Typed before switching")

	secondPath := filepath.Join(t.TempDir(), "second.db")
	second, err := storage.Open(secondPath)
	if err != nil {
		t.Fatal(err)
	}
	other := &domain.Article{Slug: "bridge", Headline: "Bridge story", Status: domain.StatusDraft}
	if err := second.CreateArticle(ctx, other, "t"); err != nil {
		t.Fatal(err)
	}
	second.Close()

	var opened error = errNotYet
	ui.signInUI = nil
	ui.openNewsroom(secondPath, "", func(err error) { opened = err })
	q.waitUntil(t, "the sign-in on the new newsroom", func() bool { return ui.signInUI != nil })
	saved, err := first.GetArticle(ctx, a.ID)
	if err != nil || !strings.Contains(saved.Body, "Typed before switching") {
		t.Fatalf("the old newsroom holds %q (%v): the typing was not saved before switching", saved.Body, err)
	}
	test.Type(ui.signInUI.newName, "Maria Lopez")
	test.Tap(ui.signInUI.create)
	q.waitUntil(t, "the switch", func() bool { return opened == nil })
	if ui.store.Path() != secondPath {
		t.Fatalf("the window is on %s", ui.store.Path())
	}
	q.waitUntil(t, "the new list", func() bool { return len(ui.articles.items) == 1 && ui.articles.items[0].Slug == "bridge" })
	if ui.win.Title() != "Newsroom — "+secondPath {
		t.Fatalf("title %q", ui.win.Title())
	}
	recent := recentNewsrooms(ui.app.Preferences())
	if len(recent) != 2 || recent[0] != secondPath || recent[1] != first.Path() {
		t.Fatalf("recent %v", recent)
	}
	it := menuItem(ui, "Recent")
	if it == nil || len(it.ChildMenu.Items) != 2 || !it.ChildMenu.Items[0].Checked || it.ChildMenu.Items[1].Label != first.Path() {
		t.Fatalf("File → Recent: %+v", it)
	}
	// The command line's store stays open for the command line to close.
	if _, err := first.GetArticle(ctx, a.ID); err != nil {
		t.Fatalf("the given store was closed: %v", err)
	}
}

// errNotYet marks an outcome not heard yet.
var errNotYet = &notYet{}

type notYet struct{}

func (*notYet) Error() string { return "not yet" }

// TestConnectFailureNamesTheServerNeverThePassword: a server that does
// not answer is named in the dialog, the password is in no message, no log
// line and no preference, and the window stays on its newsroom.
func TestConnectFailureNamesTheServerNeverThePassword(t *testing.T) {
	ui, q, first := newSwitchUI(t)
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	const secret = "Sekr1t-Pa55"
	cd := ui.showConnect("")
	test.Type(cd.url, "postgres://ann@127.0.0.1:1/news?connect_timeout=2")
	test.Type(cd.password, secret)
	test.Tap(cd.connect)
	q.waitUntil(t, "the failure", func() bool { return cd.problem.Text != "Connecting…" && cd.problem.Text != "" })
	if !strings.Contains(cd.problem.Text, "127.0.0.1:1") || !strings.Contains(cd.problem.Text, "ann") {
		t.Fatalf("the dialog does not name the server: %q", cd.problem.Text)
	}
	if strings.Contains(cd.problem.Text, secret) || strings.Contains(logged.String(), secret) {
		t.Fatalf("the password shows: dialog %q, log %q", cd.problem.Text, logged.String())
	}
	for _, r := range recentNewsrooms(ui.app.Preferences()) {
		if strings.Contains(r, secret) || strings.Contains(r, "127.0.0.1") {
			t.Fatalf("a failed server is remembered: %v", r)
		}
	}
	if ui.store != first || cd.connect.Disabled() {
		t.Fatal("the window left its newsroom, or the dialog cannot try again")
	}
}

// TestRecentServerAsksForThePassword: a server in File → Recent opens the
// connect dialog with its address, the keyboard in the password field.
func TestRecentServerAsksForThePassword(t *testing.T) {
	ui, _, _ := newSwitchUI(t)
	rememberRecent(ui.app.Preferences(), "postgres://ann@db.example.org:5432/news")
	ui.win.SetMainMenu(ui.menu())
	it := menuItem(ui, "Recent")
	if it == nil || len(it.ChildMenu.Items) != 2 || it.ChildMenu.Items[0].Label != "postgres://ann@db.example.org:5432/news" {
		t.Fatalf("File → Recent: %+v", it)
	}
	it.ChildMenu.Items[0].Action()
	cd := ui.connectUI
	if cd == nil || cd.url.Text != "postgres://ann@db.example.org:5432/news" || ui.win.Canvas().Focused() != fyne.Focusable(cd.password) {
		t.Fatal("the connect dialog is not prefilled with the keyboard in the password")
	}
	if !cd.password.Password {
		t.Fatal("the password field shows what is typed")
	}
}

// TestQuitWhileSigningInClosesTheWindow: quitting before anyone signed in
// (no screens yet) closes the window instead of failing on the missing
// article screen.
func TestQuitWhileSigningInClosesTheWindow(t *testing.T) {
	st := newTestStore(t)
	ui, q := newSignInUI(t, st)
	ui.win = test.NewWindow(nil) // closed by the test itself, not by the cleanup
	closed := false
	ui.win.SetOnClosed(func() { closed = true })
	ui.signIn(func() { t.Error("signed in without anyone choosing") })
	q.waitUntil(t, "the question", func() bool { return ui.signInUI != nil })
	ui.quit()
	if !closed {
		t.Fatal("the window stays open")
	}
}
