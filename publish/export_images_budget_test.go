package publish

import (
	"context"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"newsroom/domain"
)

// decodeCountingSource is a MemorySource whose MediaData (read only to
// make an image's files) records how many reads are in progress at once,
// each taking a while so that workers overlap.
type decodeCountingSource struct {
	*MemorySource
	inFlight, most atomic.Int64
}

func (s *decodeCountingSource) MediaData(ctx context.Context, ref string) ([]byte, error) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.most.Load()
		if n <= m || s.most.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(30 * time.Millisecond)
	return s.MemorySource.MediaData(ctx, ref)
}

// photoCorpus is n articles, each with its own w×h lead photo.
func photoCorpus(t *testing.T, n, w, h int) *decodeCountingSource {
	src := &MemorySource{Library: map[string]domain.Media{}, MediaFiles: map[string][]byte{}}
	for i := range n {
		data := testPhoto(t, w, h, int64(i+1))
		m := libraryImage(data, "jpeg", w, h, "", "Photo: Test", "A test photo")
		src.Library[m.Ref], src.MediaFiles[m.Ref] = m, data
		src.Articles = append(src.Articles, domain.Article{
			ID: int64(i + 1), Slug: fmt.Sprintf("photo-%d", i), Headline: "Photo story", Body: "Text.",
			Status: domain.StatusPublished, PublishedAt: exportT.Add(-time.Duration(i+1) * time.Hour),
			LeadImage: m.Ref, FactCheck: domain.FactCheck{Checked: true},
		})
	}
	return &decodeCountingSource{MemorySource: src}
}

// TestExportImageDecodeBudget checks that the images an export decodes
// at once fit in imageDecodeBudget, however many workers: with a budget
// of one photo they are decoded one at a time, with the default several
// at once on four workers (so the count can see overlap).
func TestExportImageDecodeBudget(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	defer func(b int64) { imageDecodeBudget = b }(imageDecodeBudget)
	for _, c := range []struct {
		name     string
		budget   int64
		min, max int64
	}{
		{"default budget", imageDecodeBudget, 2, 4},
		{"budget of one photo", decodeCost(&resolvedImage{Media: domain.Media{Width: 640, Height: 480, Bytes: 1 << 20}}), 1, 1},
	} {
		imageDecodeBudget = c.budget
		src := photoCorpus(t, 8, 640, 480)
		opt := ExportOptions{SiteTitle: "Daily", Now: exportT}
		if _, err := Export(context.Background(), src, t.TempDir(), opt, nil); err != nil {
			t.Fatal(err)
		}
		if most := src.most.Load(); most < c.min || most > c.max {
			t.Errorf("%s: %d images decoded at once, want %d to %d", c.name, most, c.min, c.max)
		}
	}
}
