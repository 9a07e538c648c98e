package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// TestExportWarningsInWindow exports 3,000 published articles that nobody
// fact-checked from File → Export…: the site is written and the warnings
// dialog lists every article without the window stalling.
func TestExportWarningsInWindow(t *testing.T) {
	const n = 3000
	db := filepath.Join(t.TempDir(), "site.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	batch, err := store.BeginImport(ctx, "seed")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		a := &domain.Article{Slug: fmt.Sprintf("story-%05d", i), Headline: fmt.Sprintf("Harbour story %d", i),
			Body: longBody(600), Status: domain.StatusPublished, PublishedAt: time.Date(2026, 1, 1, 0, i%60, 0, 0, time.UTC)}
		a.Origin = "seed:" + a.Slug
		if _, err := batch.UpsertArticle(ctx, a, storage.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		t.Fatal(err)
	}
	store.Close()

	out := filepath.Join(t.TempDir(), "site")
	d := startXvfb(t)
	home := newHome(t)
	prefs := filepath.Join(home, "config", "fyne", "org.newsroom.desktop", "preferences.json")
	if err := os.WriteFile(prefs, []byte(`{"user.name":"E2E Tester","window.width":1200,"window.height":850,"export.folder":`+
		fmt.Sprintf("%q", out)+`}`), 0o644); err != nil {
		t.Fatal(err)
	}
	a := startApp(t, d, home, "--db", db)
	a.waitIdle(60 * time.Second)
	a.clickWord("File", 0, 0)
	a.clickWord("Export", 0, 0)
	// The Export button (white on blue, which does not OCR) is the first
	// below the form: under "Include drafts", below the dialog title's
	// first word ("Export site").
	title, ok := a.findBox("site", 0, 8*time.Second)
	if !ok {
		a.screenshot("missing-title")
		t.Fatal("the export dialog did not open")
	}
	include, ok := a.findBox("Include", title.y, 5*time.Second)
	if !ok {
		t.Fatal("the drafts check box is not on screen")
	}
	a.click(title.x-10, include.y+include.h/2+40)
	// Every article is unchecked (one warning each); house-style findings
	// are counted among the warnings too, so the title says how many.
	warnings := 0
	waitFor(t, 60*time.Second, "the warnings dialog", func() bool {
		text := a.ocr(a.screenshot("40-export-warnings"))
		if m := regexp.MustCompile(`Export warnings \((\d+)\)`).FindStringSubmatch(text); m != nil {
			warnings, _ = strconv.Atoi(m[1])
		}
		return warnings > 0 && strings.Contains(text, "not fact-checked")
	})
	if warnings < n {
		t.Errorf("%d warnings for %d unchecked articles", warnings, n)
	}
	pages, _ := filepath.Glob(filepath.Join(out, "story-*", "index.html"))
	if len(pages) != n {
		t.Errorf("the export wrote %d pages, want %d", len(pages), n)
	}
	if _, err := os.Stat(filepath.Join(out, "feed.xml")); err != nil {
		t.Error(err)
	}
	// Closing the warnings shows the export's summary.
	a.clickWord("Close", 0, 0)
	waitFor(t, 30*time.Second, "the export summary", func() bool {
		text := a.ocr(a.screenshot("41-summary"))
		return !strings.Contains(text, "Export warnings") && strings.Contains(text, fmt.Sprintf("%d warning", warnings))
	})
}
