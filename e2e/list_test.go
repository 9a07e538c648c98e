package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
	"newsroom/storage"
)

// TestTenThousandArticles opens a database of 10,000 articles: the list
// shows at once and the search box finds one of them.
func TestTenThousandArticles(t *testing.T) {
	db := filepath.Join(t.TempDir(), "many.db")
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	batch, err := store.BeginImport(ctx, "seed")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10_000; i++ {
		a := &domain.Article{Slug: fmt.Sprintf("story-%05d", i), Headline: fmt.Sprintf("Council story number %d", i),
			Body: longBody(600), Status: domain.StatusPublished}
		if i == 4321 {
			a.Headline = "Zanzibar ferry timetable changes"
		}
		a.Origin = "seed:" + a.Slug
		if _, err := batch.UpsertArticle(ctx, a, storage.ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		t.Fatal(err)
	}
	store.Close()
	d := startXvfb(t)
	home := newHome(t)
	started := time.Now()
	a := startApp(t, d, home, "--db", db)
	cpu := a.waitIdle(60 * time.Second)
	t.Logf("10,000 articles: window idle after %v wall, %v CPU", time.Since(started).Round(time.Millisecond), cpu)
	if cpu > 5*time.Second {
		t.Errorf("showing 10,000 articles cost %v CPU", cpu)
	}
	waitFor(t, 30*time.Second, "the article count", func() bool {
		return strings.Contains(a.ocr(a.screenshot("20-many")), "10,000 articles")
	})
	a.key("ctrl+f")
	a.typeText("zanzibar")
	waitFor(t, 30*time.Second, "the search result", func() bool {
		text := a.ocr(a.screenshot("21-search"))
		return strings.Contains(text, "Zanzibar ferry") && strings.Contains(text, "1 article")
	})
	a.quit()
}
