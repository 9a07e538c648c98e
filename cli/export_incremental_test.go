package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/publish"
	"newsroom/storage"
)

// TestIncrementalExportFromDatabase edits a real database between exports
// and checks that each re-export rewrites exactly the pages that changed.
func TestIncrementalExportFromDatabase(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "n.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	published := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, slug := range []string{"one", "two", "three"} {
		a := &domain.Article{
			Slug: slug, Headline: "Story " + slug, Body: "Officials said the talks went well.\n\n{{quote q}}\n",
			Status: domain.StatusPublished, PublishedAt: published,
			Sources: []domain.Source{{Name: "Reuters", Kind: domain.SourceNewsAgency, URL: "https://reuters.example/"}},
			Quotes:  []domain.Quote{{Ref: "q", Text: "We are ready.", Speaker: "A Minister", Source: "Reuters"}},
		}
		if slug == "three" {
			a.Sources = []domain.Source{{Name: "AP", Kind: domain.SourceNewsAgency, URL: "https://ap.example/"}}
			a.Quotes[0].Source = "AP"
		}
		if err := store.CreateArticle(ctx, a, "ann"); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "site")
	opt := publish.ExportOptions{SiteTitle: "Daily", Now: published.Add(time.Hour)}
	export := func() publish.Report {
		t.Helper()
		rep, err := publish.Export(ctx, store, out, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	page := func(slug string) string {
		b, err := os.ReadFile(filepath.Join(out, slug, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if rep := export(); rep.Written != 9 {
		t.Fatalf("first export: %+v", rep)
	}
	if rep := export(); rep.Written != 0 || rep.Unchanged != 9 {
		t.Fatalf("no-change export: %+v", rep)
	}

	// A body edit rewrites that page and the feed, which carries bodies.
	a, err := store.GetArticleBySlug(ctx, "two")
	if err != nil {
		t.Fatal(err)
	}
	a.Body = strings.Replace(a.Body, "went well", "went badly", 1)
	if _, err := store.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	if rep := export(); rep.Written != 2 {
		t.Errorf("after a body edit: %+v, want the page and the feed written", rep)
	}
	if !strings.Contains(page("two"), "went badly") {
		t.Error("edited page not rewritten")
	}

	// A quote edit, which the body text does not show, is seen too.
	a, _ = store.GetArticleBySlug(ctx, "one")
	a.Quotes[0].Text = "We are not ready."
	if _, err := store.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	export()
	if !strings.Contains(page("one"), "We are not ready.") {
		t.Error("quote edit not exported")
	}

	// A shared source changed through another article changes the credit
	// on every page citing it, though those articles were not saved.
	a, _ = store.GetArticleBySlug(ctx, "two")
	a.Sources[0].URL = "https://www.reuters.example/new"
	if _, err := store.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	export()
	if !strings.Contains(page("one"), "https://www.reuters.example/new") {
		t.Error("page one still credits the old Reuters address")
	}
	if strings.Contains(page("three"), "reuters") {
		t.Error("page three does not cite Reuters")
	}

	// A file changed or removed behind the export's back is written again.
	if err := os.WriteFile(filepath.Join(out, "three", "index.html"), []byte("defaced"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep := export(); rep.Written != 1 || !strings.Contains(page("three"), "Story three") {
		t.Errorf("defaced page: %+v", rep)
	}

	// Unpublishing removes the page.
	a, _ = store.GetArticleBySlug(ctx, "three")
	a.Status = domain.StatusDraft
	if _, err := store.SaveArticle(ctx, a, "ann"); err != nil {
		t.Fatal(err)
	}
	if rep := export(); rep.Removed != 1 {
		t.Errorf("after unpublishing: %+v", rep)
	}
	if _, err := os.Stat(filepath.Join(out, "three", "index.html")); !os.IsNotExist(err) {
		t.Errorf("unpublished page still there: %v", err)
	}
}

// benchDatabase creates a database of n published articles of about 600
// words, each with a link, a quote record and two sources.
func benchDatabase(b *testing.B, n int) *storage.Store {
	b.Helper()
	store, err := storage.Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	words := strings.Fields("the minister said talks in Sochi would cover Iran Syria and Ukraine while officials in Moscow and Washington kept a cautious tone about sanctions")
	var body strings.Builder
	for w := range 600 {
		body.WriteString(words[w%len(words)])
		switch {
		case w%100 == 99:
			body.WriteString(".\n\n")
		case w == 250:
			body.WriteString(" [report](https://example.org/report) ")
		default:
			body.WriteByte(' ')
		}
	}
	body.WriteString("\n\n{{quote q}}\n")
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := &domain.Article{
			Slug: fmt.Sprintf("story-%05d", i), Headline: fmt.Sprintf("Story %d", i), Standfirst: "Talks in Sochi.",
			Body: body.String(), Status: domain.StatusPublished, PublishedAt: t0.Add(time.Duration(i) * time.Minute),
			Sources: []domain.Source{{Name: "Reuters", Kind: domain.SourceNewsAgency, URL: "https://reuters.example/"}, {Name: "State Department", Kind: domain.SourceOfficial}},
			Quotes:  []domain.Quote{{Ref: "q", Text: "We are ready.", Speaker: "A Minister", Source: "State Department"}},
		}
		if err := store.CreateArticle(context.Background(), a, "bench"); err != nil {
			b.Fatal(err)
		}
	}
	return store
}

// BenchmarkExportFromDatabase1000 is `newsroom export` of 1,000 articles
// into a fresh folder, from a real database.
func BenchmarkExportFromDatabase1000(b *testing.B) {
	store := benchDatabase(b, 1000)
	opt, err := ExportOptionsFromSettings(context.Background(), store)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := publish.Export(context.Background(), store, b.TempDir(), opt, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReexportFromDatabase1000 is a no-change re-export of the same.
func BenchmarkReexportFromDatabase1000(b *testing.B) {
	store := benchDatabase(b, 1000)
	opt, err := ExportOptionsFromSettings(context.Background(), store)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := publish.Export(context.Background(), store, dir, opt, nil); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		rep, err := publish.Export(context.Background(), store, dir, opt, nil)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Written != 0 {
			b.Fatalf("no-change re-export wrote %d files", rep.Written)
		}
	}
}
