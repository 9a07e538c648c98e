package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/publish"
	"newsroom/storage"
)

func TestCorrectCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	md := filepath.Join(dir, "story.md")
	os.WriteFile(md, []byte(strings.Replace(story, "author: Anna Reporter", "author: Anna Reporter\ndraft: true", 1)), 0o644)
	if code, _, errOut := run(t, "import", "--db", db, md); code != 0 {
		t.Fatal(errOut)
	}
	slug := "lavrov-meets-kerry"
	if code, _, errOut := run(t, "articles", "correct", slug, "--text", "Too early.", "--db", db); code != 1 || !strings.Contains(errOut, "not published") {
		t.Fatalf("note on a draft: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "articles", "status", slug, "published", "--yes", "--db", db); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := run(t, "articles", "correct", slug, "--kind", "retraction", "--text", "x", "--db", db); code != 2 || !strings.Contains(errOut, "retraction") {
		t.Fatalf("unknown kind: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "articles", "correct", slug, "--kind", "update", "--db", db); code != 2 || !strings.Contains(errOut, "--text") {
		t.Fatalf("no text: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "articles", "correct", slug, "--kind", "Correction", "--text", "Lavrov spoke first.", "--by", "Desk", "--db", db)
	if code != 0 || !strings.Contains(out, slug+": correction added by Desk") {
		t.Fatalf("correct: %d %q %s", code, out, errOut)
	}
	_, out, _ = run(t, "articles", "show", slug, "--json", "--db", db)
	var a struct {
		Status      string `json:"status"`
		Corrections []struct {
			Kind, Text, By string
		} `json:"corrections"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Status != "published" || len(a.Corrections) != 1 || a.Corrections[0].Kind != "correction" || a.Corrections[0].Text != "Lavrov spoke first." || a.Corrections[0].By != "Desk" {
		t.Errorf("after correct: %+v", a)
	}
	_, out, _ = run(t, "articles", "history", slug, "--db", db)
	if !strings.Contains(out, "Correction: Lavrov spoke first.") {
		t.Errorf("history lacks the note:\n%s", out)
	}
}

// TestCorrectionReexportsOnlyItsFiles adds a note in a real database and
// checks that the re-export rewrites that page, the archive and the feed.
func TestCorrectionReexportsOnlyItsFiles(t *testing.T) {
	ctx := context.Background()
	store, err := storage.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	published := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	store.SetClock(func() time.Time { return published })
	ids := map[string]int64{}
	for _, slug := range []string{"one", "two", "three"} {
		a := &domain.Article{Slug: slug, Headline: "Story " + slug, Body: "Officials said the talks went well.",
			Status: domain.StatusPublished, PublishedAt: published}
		if err := store.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
		ids[slug] = a.ID
	}
	out := filepath.Join(t.TempDir(), "site")
	opt := publish.ExportOptions{SiteTitle: "Daily", Now: published.Add(time.Hour)}
	if _, err := publish.Export(ctx, store, out, opt, nil); err != nil {
		t.Fatal(err)
	}
	store.SetClock(func() time.Time { return published.Add(48 * time.Hour) })
	if _, err := store.AddCorrection(ctx, ids["two"], domain.CorrectionFix, "The talks went badly.", "Desk"); err != nil {
		t.Fatal(err)
	}
	stamp := func() map[string]time.Time {
		m := map[string]time.Time{}
		filepath.Walk(out, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				rel, _ := filepath.Rel(out, p)
				m[filepath.ToSlash(rel)] = fi.ModTime()
			}
			return nil
		})
		return m
	}
	before := stamp()
	time.Sleep(20 * time.Millisecond)
	rep, err := publish.Export(ctx, store, out, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	var rewritten []string
	for rel, at := range stamp() {
		if !at.Equal(before[rel]) && !strings.HasPrefix(rel, ".newsroom") {
			rewritten = append(rewritten, rel)
		}
	}
	if rep.Written != 3 || len(rewritten) != 3 {
		t.Errorf("after a note: %+v, rewritten %v; want two/index.html, corrections/index.html and feed.xml", rep, rewritten)
	}
	page, _ := os.ReadFile(filepath.Join(out, "two", "index.html"))
	if !strings.Contains(string(page), "The talks went badly.") || !strings.Contains(string(page), `"dateModified":"2026-03-03T09:00:00Z"`) {
		t.Errorf("page two lacks the note or its dateModified:\n%s", page)
	}
	archive, _ := os.ReadFile(filepath.Join(out, "corrections", "index.html"))
	if !strings.Contains(string(archive), "The talks went badly.") {
		t.Errorf("archive lacks the note:\n%s", archive)
	}
}
