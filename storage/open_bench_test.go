package storage

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkOpen opens a database of about 50 MB (2,000 articles of 10 KB
// with their revisions and search index), with the quick check at open
// (the default, under QuickCheckLimit) and without it.
func BenchmarkOpen(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	batch, err := s.BeginImport(ctx, "bench")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 2000; i++ {
		a := sample(fmt.Sprintf("article-%05d", i))
		a.Body = strings.Repeat(fmt.Sprintf("Paragraph %d of a story about the harbour and the council. ", i), 170)
		a.Origin = "bench:" + a.Slug
		if _, err := batch.UpsertArticle(ctx, a, ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	if err := batch.Commit(); err != nil {
		b.Fatal(err)
	}
	s.Close()
	info, _ := os.Stat(path)
	b.Logf("database of %.1f MB", float64(info.Size())/(1<<20))
	for _, tc := range []struct {
		name  string
		limit int64
	}{{"quick check", QuickCheckLimit}, {"no check", 0}} {
		b.Run(tc.name, func(b *testing.B) {
			old := QuickCheckLimit
			QuickCheckLimit = tc.limit
			defer func() { QuickCheckLimit = old }()
			for b.Loop() {
				s, err := Open(path)
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
		})
	}
}
