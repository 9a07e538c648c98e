package cli

import (
	"context"
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
	if rep := export(); rep.Written != 6 {
		t.Fatalf("first export: %+v", rep)
	}
	if rep := export(); rep.Written != 0 || rep.Unchanged != 6 {
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
