package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/editor"
	"newsroom/storage"
	"newsroom/storage/storetest"
)

// ownCluster starts a PostgreSQL cluster of the test's own (it is stopped
// mid-test, which the shared test server must never be) and returns its
// URL and a function running tools/pgcluster.sh on it.
func ownCluster(t *testing.T) (string, func(verb string)) {
	t.Helper()
	if os.Getenv(storetest.EnvPostgres) == "" {
		t.Skip("the server-goes-away test needs PostgreSQL: set " + storetest.EnvPostgres + " (make test-postgres does)")
	}
	script, err := filepath.Abs("../tools/pgcluster.sh")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "desks-offline-")
	if err != nil {
		t.Fatal(err)
	}
	run := func(verb string) {
		t.Helper()
		out, err := exec.Command(script, verb, dir).Output()
		if err != nil {
			t.Fatalf("pgcluster %s: %v %s", verb, err, out)
		}
	}
	out, err := exec.Command(script, "start", dir).Output()
	if err != nil {
		t.Fatalf("pgcluster start: %v", err)
	}
	t.Cleanup(func() { exec.Command(script, "stop", dir).Run() })
	return strings.TrimSpace(string(out)), run
}

// TestServerGoneWhileTypingLosesNothing: the PostgreSQL server stops
// while someone types. The editor says "offline, retrying", keeps every
// word, tries again with growing pauses, and once the same server is back
// the article in the database holds everything typed.
func TestServerGoneWhileTypingLosesNothing(t *testing.T) {
	url, cluster := ownCluster(t)
	st, err := storage.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ctx := context.Background()
	a := &domain.Article{Slug: "harbour", Headline: "Harbour plan", Body: "Start.", Status: domain.StatusDraft}
	if err := st.CreateArticle(ctx, a, "t"); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Tester" }, q)
	w.SetContent(s.Content())
	s.open(a.ID, editor.FocusBody)
	q.waitUntil(t, "the article open", func() bool { return s.editor.Current() != nil })
	ed := s.editor
	stored := func() string {
		got, err := st.GetArticle(ctx, a.ID)
		if err != nil {
			return ""
		}
		return got.Body
	}
	test.Type(ed.Body(), "Alpha words. ")
	q.waitUntil(t, "the first save", func() bool { return strings.Contains(stored(), "Alpha words.") })

	cluster("pause")
	test.Type(ed.Body(), "Bravo words. ")
	q.waitUntil(t, "the offline state", func() bool { return ed.Offline() })
	if !labelSays(ed.Content(), "offline, retrying") {
		t.Fatal("the editor does not say it is offline")
	}
	test.Type(ed.Body(), "Charlie words. ")
	q.Advance(8 * time.Second) // several tries, with growing pauses
	if !ed.Offline() {
		t.Fatal("the editor says it is back while the server is still stopped")
	}
	typed := ed.Body().Text()
	for _, word := range []string{"Alpha", "Bravo", "Charlie"} {
		if !strings.Contains(typed, word) {
			t.Fatalf("the editor dropped %q while offline: %q", word, typed)
		}
	}

	cluster("resume")
	q.waitUntil(t, "the save after the server is back", func() bool { return !ed.Offline() })
	q.waitUntil(t, "every word stored", func() bool {
		body := stored()
		return strings.Contains(body, "Alpha words.") && strings.Contains(body, "Bravo words.") && strings.Contains(body, "Charlie words.")
	})
	if ed.Body().Text() != typed {
		t.Fatalf("the text changed on reconnecting: %q, typed %q", ed.Body().Text(), typed)
	}
}
