package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
)

// vocabulary for generated articles.
var benchWords = strings.Fields(`minister talks sanctions summit ceasefire election budget parliament court
	ruling strike union hospital school climate flood drought harvest market shares inflation bank rate
	police protest border refugees treaty embassy spokesman statement agency report inquiry council mayor`)

// fillArticles bulk-loads n generated articles in one import transaction.
func fillArticles(tb testing.TB, s *Store, n int) {
	ctx := context.Background()
	batch, err := s.BeginImport(ctx, "bench")
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i < n; i++ {
		var body strings.Builder
		for w := 0; w < 120; w++ {
			body.WriteString(benchWords[(i*31+w*7+w*w)%len(benchWords)])
			body.WriteByte(' ')
		}
		a := &domain.Article{Slug: fmt.Sprintf("story-%d", i), Headline: fmt.Sprintf("Story %d about %s", i, benchWords[i%len(benchWords)]),
			Body: body.String(), Status: domain.StatusPublished}
		if i == n/2 {
			a.Body += " zanzibar"
		}
		a.Origin = fmt.Sprintf("bench:%d", i)
		if _, err := batch.UpsertArticle(ctx, a, ImportOptions{}); err != nil {
			tb.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkSearch100k searches 100,000 articles: a rare word and a
// common one (first page of 50, as the list shows).
func BenchmarkSearch100k(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "search.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fillArticles(b, s, 100_000)
	ctx := context.Background()
	for _, q := range []string{"zanzibar", "ceasefire treaty", "minist"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.ListArticles(ctx, ArticleQuery{Search: q, Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestListTenThousand checks the unfiltered list of 10,000 articles, as
// the window loads it, stays well inside a frame budget's order.
func TestListTenThousand(t *testing.T) {
	s, _ := openTemp(t)
	fillArticles(t, s, 10_000)
	list, err := s.ListArticles(context.Background(), ArticleQuery{})
	if err != nil || len(list) != 10_000 {
		t.Fatalf("list: %d %v", len(list), err)
	}
	hits, err := s.ListArticles(context.Background(), ArticleQuery{Search: "zanzibar"})
	if err != nil || len(hits) != 1 || hits[0].Slug != "story-5000" {
		t.Fatalf("search: %v %v", hits, err)
	}
}

// BenchmarkListTenThousand loads the whole list of 10,000 summaries.
func BenchmarkListTenThousand(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "list.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fillArticles(b, s, 10_000)
	for b.Loop() {
		if _, err := s.ListArticles(context.Background(), ArticleQuery{}); err != nil {
			b.Fatal(err)
		}
	}
}
