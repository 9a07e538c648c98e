package storage

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"newsroom/domain"
	"newsroom/storage/storetest"
)

// benchBackends runs fn on a fresh SQLite file and, under
// NEWSROOM_TEST_POSTGRES, on a fresh PostgreSQL database, as sub-benchmarks
// sqlite and postgres of one run.
func benchBackends(b *testing.B, fn func(b *testing.B, s *Store)) {
	b.Run("sqlite", func(b *testing.B) {
		b.Setenv(storetest.EnvPostgres, "")
		s, _ := openTemp(b)
		fn(b, s)
	})
	if base := os.Getenv(storetest.EnvPostgres); base != "" {
		b.Run("postgres", func(b *testing.B) {
			s, _ := openTemp(b)
			fn(b, s)
		})
	}
}

// BenchmarkBackendList10000 loads the whole list of 10,000 summaries.
func BenchmarkBackendList10000(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		fillArticles(b, s, 10_000)
		for b.Loop() {
			if _, err := s.ListArticles(context.Background(), ArticleQuery{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBackendSearch searches NEWSROOM_BENCH_SEARCH_N (default
// 100,000) articles for a rare word, two common ones and a prefix (first
// page of 50).
func BenchmarkBackendSearch(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("NEWSROOM_BENCH_SEARCH_N")); err == nil && v > 0 {
		n = v
	}
	benchBackends(b, func(b *testing.B, s *Store) {
		fillArticles(b, s, n)
		for _, q := range []string{"zanzibar", "ceasefire treaty", "minist"} {
			b.Run(q, func(b *testing.B) {
				for b.Loop() {
					if _, err := s.ListArticles(context.Background(), ArticleQuery{Search: q, Limit: 50}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	})
}

// BenchmarkBackendSaveWithRevision saves an edit of a 600-word article
// (a new revision each time: another author).
func BenchmarkBackendSaveWithRevision(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		a := sample("bench")
		for i := 0; i < 60; i++ {
			a.Body += "The minister said talks in Sochi would cover sanctions. "
		}
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			i++
			a.Standfirst = fmt.Sprintf("Edit %d", i)
			if _, err := s.SaveArticle(ctx, a, fmt.Sprintf("editor-%d", i%2)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkBackendCommentInsert adds one reader comment.
func BenchmarkBackendCommentInsert(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := context.Background()
		a := sample("bench")
		if err := s.CreateArticle(ctx, a, "ann"); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			c := &domain.Comment{ArticleID: a.ID, Author: "Reader", Email: "r@example.com", Body: "A fair point.",
				Status: domain.CommentPending, ClientAddr: "192.0.2.7"}
			if err := s.AddComment(ctx, c); err != nil {
				b.Fatal(err)
			}
		}
	})
}
