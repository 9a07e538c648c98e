package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"newsroom/internal/sampletext"
	"newsroom/storage"
)

// BenchmarkImportMarkdownFolder1000 imports a folder of 1,000 Markdown
// articles of about 600 words into a fresh SQLite database each round,
// as `newsroom import FOLDER` does.
func BenchmarkImportMarkdownFolder1000(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 1000; i++ {
		src := fmt.Sprintf("---\ntitle: Story %d\ndate: 2026-01-02T10:00:00Z\nauthor: Staff\ntags: [news]\n---\n%s\n", i, sampletext.Body(600))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("story-%04d.md", i)), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := storage.Open(filepath.Join(b.TempDir(), "n.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Import(context.Background(), ForStorage(s), dir, Options{})
		b.StopTimer()
		if err != nil || rep.Totals().Failed != 0 || len(rep.Files) != 1000 {
			b.Fatalf("import: %v, %+v", err, rep.Totals())
		}
		s.Close()
		b.StartTimer()
	}
}
