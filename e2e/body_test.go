package e2e

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// longBody makes about n characters of varied prose in paragraphs.
func longBody(n int) string {
	words := strings.Fields(`the minister said talks would continue next week while officials in Moscow
	and Washington declined to comment on reports that sanctions could be eased before the summit
	Kerry Lavrov Sochi ceasefire Ukraine separatists agreement diplomatic source confirmed visit`)
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(words[(i*7+i/3)%len(words)])
		switch {
		case i%97 == 96:
			b.WriteString(".\n\n")
		case i%13 == 12:
			b.WriteString(". ")
		default:
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String()[:n])
}

// seedArticles makes a database with a short and a long article.
func seedArticles(t *testing.T, db string) {
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	for slug, n := range map[string]int{"short": 600, "long": 60000} {
		a := &domain.Article{Slug: slug, Headline: "A " + slug + " article", Status: domain.StatusDraft, Body: longBody(n)}
		if err := store.CreateArticle(context.Background(), a, "seed"); err != nil {
			t.Fatal(err)
		}
	}
}

// measured is what one run of the window cost.
type measured struct {
	startCPU   time.Duration // until idle
	perChar    time.Duration // CPU per typed character
	rss        int64
	idlePerCPU float64 // CPU share while idle
}

// waitIdle waits until the process uses under 5% of a core for 1.5 s and
// returns the CPU time spent until then.
func (a *app) waitIdle(timeout time.Duration) time.Duration {
	a.t.Helper()
	deadline := time.Now().Add(timeout)
	last := a.cpuTime()
	quiet := 0
	for time.Now().Before(deadline) {
		time.Sleep(500 * time.Millisecond)
		now := a.cpuTime()
		if now-last <= 25*time.Millisecond {
			quiet++
			if quiet >= 3 {
				return now
			}
		} else {
			quiet = 0
		}
		last = now
	}
	a.t.Fatalf("not idle within %s (cpu %s)", timeout, a.cpuTime())
	return 0
}

// measure opens slug, waits until drawn and idle, types 40 characters and
// measures.
func measure(t *testing.T, d *display, home, db, slug string, extra ...string) measured {
	a := startApp(t, d, home, append([]string{"--db", db, "--open", slug}, extra...)...)
	var m measured
	m.startCPU = a.waitIdle(60 * time.Second)
	before := a.cpuTime()
	a.typeText(strings.Repeat("typing ", 5) + "words")
	a.waitIdle(30 * time.Second)
	m.perChar = (a.cpuTime() - before) / 40
	m.rss = a.rss()
	idleFrom := a.cpuTime()
	time.Sleep(3 * time.Second)
	m.idlePerCPU = float64(a.cpuTime()-idleFrom) / float64(3*time.Second)
	a.screenshot("body-" + slug)
	a.quit()
	return m
}

// TestLongArticleCostsLikeAShortOne opens a 600- and a 60,000-character
// article in the real window and compares CPU, memory and typing cost.
func TestLongArticleCostsLikeAShortOne(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(t.TempDir(), "bodies.db")
	seedArticles(t, db)
	short := measure(t, d, home, db, "short")
	long := measure(t, d, home, db, "long", "--as", "e2e-tester") // signed in as the first start adopted
	t.Logf("600 chars:    start %v, %v per char, RSS %d MiB, idle %.1f%%", short.startCPU, short.perChar, short.rss>>20, 100*short.idlePerCPU)
	t.Logf("60,000 chars: start %v, %v per char, RSS %d MiB, idle %.1f%%", long.startCPU, long.perChar, long.rss>>20, 100*long.idlePerCPU)
	if long.startCPU > 2*short.startCPU && long.startCPU > short.startCPU+time.Second {
		t.Errorf("opening 60,000 chars cost %v CPU, over 2× (or +1 s) the short article's %v", long.startCPU, short.startCPU)
	}
	if long.perChar > short.perChar*3/2+5*time.Millisecond {
		t.Errorf("a keystroke in 60,000 chars cost %v, over 1.5× (+5 ms) the short article's %v", long.perChar, short.perChar)
	}
	if long.rss > short.rss*3/2 {
		t.Errorf("memory with 60,000 chars %d MiB, over 1.5× the short article's %d MiB", long.rss>>20, short.rss>>20)
	}
	for _, m := range []measured{short, long} {
		if m.idlePerCPU > 0.05 {
			t.Errorf("not idle once drawn: %.1f%% CPU", 100*m.idlePerCPU)
		}
	}
}

// TestEditLongArticleInWindow types, selects, copies, pastes and undoes
// in the 60,000-character body and checks what reached the database.
func TestEditLongArticleInWindow(t *testing.T) {
	d := startXvfb(t)
	home := newHome(t)
	db := filepath.Join(t.TempDir(), "edit.db")
	seedArticles(t, db)
	original := longBody(60000)
	a := startApp(t, d, home, "--db", db, "--open", "long")
	a.waitIdle(60 * time.Second)
	a.typeText("Hello ")          // caret starts at the beginning of the body
	a.key("shift+Home", "ctrl+c") // select "Hello " and copy it
	a.key("ctrl+End")             // to the end of the body
	a.key("ctrl+v")               // paste
	a.typeText("XYZ")             // typed, then undone
	a.key("ctrl+z")
	want := "Hello " + original + "Hello "
	var got string
	poll(10*time.Second, func() bool {
		store, err := storage.Open(db)
		if err != nil {
			return false
		}
		defer store.Close()
		art, err := store.GetArticleBySlug(context.Background(), "long")
		if err != nil {
			return false
		}
		got = art.Body
		return got == want
	})
	a.screenshot("body-edited")
	if got != want {
		t.Fatalf("body in database (%d bytes, want %d): starts %q, ends %q", len(got), len(want), head(got, 30), tail(got, 30))
	}
	a.quit()
}

// head and tail show the ends of a long text.
func head(s string, n int) string { return s[:min(n, len(s))] }
func tail(s string, n int) string { return s[len(s)-min(n, len(s)):] }
