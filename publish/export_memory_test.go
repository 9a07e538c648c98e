package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// memoryCorpus is n published articles of ~120 words, each filed under
// a section, with a byline and two tags (one shared by all, one by a
// fiftieth), so the index, the listings and the sitemap each list every
// article.
func memoryCorpus(n int) *MemorySource {
	words := strings.Fields("the minister said talks in Sochi would cover Iran Syria and Ukraine while officials kept a cautious tone")
	var body strings.Builder
	for w := range 120 {
		body.WriteString(words[w%len(words)])
		if w%20 == 19 {
			body.WriteString(".\n\n")
		} else {
			body.WriteByte(' ')
		}
	}
	src := &MemorySource{}
	t0 := time.Date(2015, 5, 11, 9, 30, 0, 0, time.UTC)
	for i := range n {
		at := t0.Add(time.Duration(i) * time.Hour)
		src.Articles = append(src.Articles, domain.Article{
			ID: int64(i + 1), Slug: fmt.Sprintf("story-%06d", i), Headline: fmt.Sprintf("Story number %d about the talks", i),
			Standfirst: "The minister said talks in Sochi would cover Iran, Syria and Ukraine.", Byline: "By Bench Writer",
			Body: body.String(), Status: domain.StatusPublished, PublishedAt: at, UpdatedAt: at,
			Section: "World", Keywords: []string{"Diplomacy", fmt.Sprintf("Region %d", i%50)},
			FactCheck: domain.FactCheck{Checked: true},
		})
	}
	return src
}

// liveHeapWhenStaged exports src into a fresh folder and returns how much
// the live heap (after a collection) grew from before the export to the
// moment every page and site file is staged.
func liveHeapWhenStaged(tb testing.TB, src *MemorySource) int64 {
	tb.Helper()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := int64(ms.HeapAlloc)
	var staged int64
	testHookStaged = func() {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		staged = int64(ms.HeapAlloc)
	}
	defer func() { testHookStaged = nil }()
	opt := ExportOptions{SiteTitle: "Bench Daily", BaseURL: "https://news.example", Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := Export(context.Background(), src, tb.TempDir(), opt, nil); err != nil {
		tb.Fatal(err)
	}
	if staged == 0 {
		tb.Fatal("the staged hook was not called")
	}
	return staged - before
}

// maxLiveBytesPerArticle bounds what an export holds per article while
// its pages are staged: its summary, its page's result and manifest
// entry. Rendered site files (the index, listings and sitemap each list
// every article) are staged on disk, not held.
const maxLiveBytesPerArticle = 2000

// TestExportLiveHeapPerArticle checks that going from n to 4n articles
// grows the export's live heap by no more than maxLiveBytesPerArticle per
// article added.
func TestExportLiveHeapPerArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("exports 2,500 articles")
	}
	const n = 500
	small := liveHeapWhenStaged(t, memoryCorpus(n))
	large := liveHeapWhenStaged(t, memoryCorpus(4*n))
	per := float64(large-small) / (3 * n)
	t.Logf("live heap when staged: %d articles %d KB, %d articles %d KB: %.0f bytes per article added", n, small>>10, 4*n, large>>10, per)
	if per > maxLiveBytesPerArticle {
		t.Errorf("the export holds %.0f bytes per article added, want at most %d", per, maxLiveBytesPerArticle)
	}
}

// BenchmarkExportMemory reports, for exports of 1,000 and 4,000
// articles, the live heap when every page is staged (per article) and the
// bytes allocated per article.
func BenchmarkExportMemory(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			src := memoryCorpus(n)
			var live int64
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			for b.Loop() {
				live = liveHeapWhenStaged(b, src)
			}
			runtime.ReadMemStats(&ms1)
			b.ReportMetric(float64(live)/float64(n), "live-B/article")
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/float64(n), "alloc-B/article")
		})
	}
}

// failLateSource fails loading the oldest article's page, once a site
// file has been staged in dir (so the failure comes after staging).
type failLateSource struct {
	*MemorySource
	dir string
}

func (s *failLateSource) ArticlesByID(ctx context.Context, ids []int64) ([]domain.Article, error) {
	if !slices.Contains(ids, 1) {
		return s.MemorySource.ArticlesByID(ctx, ids)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if staged, _ := filepath.Glob(filepath.Join(s.dir, ".newsroom-*.tmp")); len(staged) > 0 {
			break
		}
	}
	return nil, errors.New("disk on fire")
}

// TestExportFailureDiscardsStagedSiteFiles checks that site files staged
// while the pages render are removed, with the folders made for them,
// when a page fails: the folder is left as it was, empty.
func TestExportFailureDiscardsStagedSiteFiles(t *testing.T) {
	dir := t.TempDir()
	src := &failLateSource{MemorySource: memoryCorpus(200), dir: dir}
	opt := ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := Export(context.Background(), src, dir, opt, nil); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("export: %v, want the page's failure", err)
	}
	var left []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if path != dir {
			left = append(left, strings.TrimPrefix(path, dir))
		}
		return err
	})
	if len(left) > 0 {
		t.Errorf("a failed export left %d entries in a fresh folder: %v", len(left), left[:min(len(left), 10)])
	}
}
