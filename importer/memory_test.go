package importer

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"newsroom/domain"
)

// countingStore keeps nothing but counts, so a memory measurement sees
// the importer's own footprint rather than the stored articles.
type countingStore struct {
	articles, comments int
	nextID             int64
	committed          bool
}

func (s *countingStore) BeginImport(ctx context.Context) (Batch, error) { return s, nil }

func (s *countingStore) UpsertArticle(ctx context.Context, a *domain.Article, opt Upsert) (Outcome, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	s.nextID++
	a.ID = s.nextID
	s.articles++
	return Created, nil
}

func (s *countingStore) UpsertComment(ctx context.Context, c *domain.Comment) (Outcome, error) {
	s.nextID++
	c.ID = s.nextID
	s.comments++
	return Created, nil
}

func (s *countingStore) AddMedia(ctx context.Context, data []byte, m domain.Media) (domain.Media, bool, error) {
	return m, false, nil
}

func (s *countingStore) Commit() error   { s.committed = true; return nil }
func (s *countingStore) Rollback() error { return nil }

// writeBigWXR writes a WXR export of about size bytes into dir: posts with
// a few kilobytes of classic and block HTML each, two comments (one a
// reply), and a page and an attachment every tenth post. It returns the
// path and the number of posts.
func writeBigWXR(t testing.TB, dir string, size int64) (string, int) {
	t.Helper()
	path := filepath.Join(dir, "big.xml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	head := wxrDoc("1.2", "")
	fmt.Fprint(w, head[:len(head)-len("\n</channel>\n</rss>\n")])
	var body []byte
	for i := 0; i < 12; i++ {
		body = fmt.Appendf(body, "<!-- wp:paragraph -->\n<p>Paragraph %d of the story with <strong>bold</strong>, <em>emphasis</em> and <a href=\"https://example.com/%d\">a link</a>. Lorem ipsum dolor sit amet, consectetuer adipiscing elit, sed diam nonummy nibh euismod tincidunt ut laoreet dolore magna aliquam erat volutpat.</p>\n<!-- /wp:paragraph -->\n\n", i, i)
	}
	body = append(body, "<table><tr><th>Name</th><th>Value</th></tr><tr><td>a</td><td>1</td></tr></table>\n<blockquote><p>Quoted.</p><cite>Someone</cite></blockquote>\n<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n"...)
	posts := 0
	var written int64
	for written < size {
		posts++
		n, err := fmt.Fprintf(w, `<item>
<title>Story number %[1]d</title>
<guid isPermaLink="false">http://big.example.com/?p=%[1]d</guid>
<dc:creator>ed</dc:creator>
<content:encoded><![CDATA[%[2]s]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>%[1]d</wp:post_id>
<wp:post_date_gmt>2020-01-01 10:00:00</wp:post_date_gmt>
<wp:post_name>story-%[1]d</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type>
<category domain="category" nicename="news"><![CDATA[News]]></category>
<wp:comment><wp:comment_id>%[1]d1</wp:comment_id><wp:comment_author>Reader</wp:comment_author><wp:comment_date_gmt>2020-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Nice story.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
<wp:comment><wp:comment_id>%[1]d2</wp:comment_id><wp:comment_author>Other</wp:comment_author><wp:comment_date_gmt>2020-01-02 11:00:00</wp:comment_date_gmt><wp:comment_content>Agreed.</wp:comment_content><wp:comment_approved>0</wp:comment_approved><wp:comment_parent>%[1]d1</wp:comment_parent></wp:comment>
</item>
`, posts, body)
		if err != nil {
			t.Fatal(err)
		}
		written += int64(n)
		if posts%10 == 0 {
			n, _ := fmt.Fprintf(w, "<item><title>Page %d</title><wp:post_id>p%d</wp:post_id><wp:post_type>page</wp:post_type><wp:status>publish</wp:status></item>\n<item><title>Image</title><wp:post_type>attachment</wp:post_type></item>\n", posts, posts)
			written += int64(n)
		}
	}
	fmt.Fprint(w, "</channel>\n</rss>\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path, posts
}

// measureImport imports path into a countingStore while sampling the heap,
// and returns the summary, the time taken and the peak HeapInuse.
func measureImport(t testing.TB, path string) (Summary, *countingStore, time.Duration, uint64) {
	t.Helper()
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak {
				peak = ms.HeapInuse
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	st := &countingStore{}
	start := time.Now()
	sum, err := ImportFile(context.Background(), st, path, nil)
	elapsed := time.Since(start)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("ImportFile: %v", err)
	}
	return sum, st, elapsed, peak
}

// TestImportLargeWXRBoundedMemory imports a generated 10 MB export and
// checks the heap stays far below the file's size times a few.
func TestImportLargeWXRBoundedMemory(t *testing.T) {
	const size = 10 << 20
	path, posts := writeBigWXR(t, t.TempDir(), size)
	sum, st, elapsed, peak := measureImport(t, path)
	if sum.ArticlesCreated != posts || st.articles != posts || st.comments != 2*posts || !st.committed || sum.Skipped["page"] != posts/10 {
		t.Fatalf("summary %+v, store %+v, want %d posts", sum, st, posts)
	}
	t.Logf("%d MB, %d posts: %v, peak HeapInuse %.1f MB", size>>20, posts, elapsed.Round(time.Millisecond), float64(peak)/(1<<20))
	if peak > 64<<20 {
		t.Errorf("peak HeapInuse %.1f MB, want under 64 MB", float64(peak)/(1<<20))
	}
}

// BenchmarkImportWXR100MB imports a generated 100 MB export; it reports
// the peak HeapInuse as peak-MB.
func BenchmarkImportWXR100MB(b *testing.B) {
	path, posts := writeBigWXR(b, b.TempDir(), 100<<20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, st, elapsed, peak := measureImport(b, path)
		if st.articles != posts {
			b.Fatalf("%d articles, want %d", st.articles, posts)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		b.ReportMetric(float64(posts)/elapsed.Seconds(), "posts/s")
	}
}

// BenchmarkImportFixture imports the Theme Unit Test export.
func BenchmarkImportFixture(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_, st, _, peak := measureImport(b, fixture)
		if st.articles != 58 {
			b.Fatalf("%d articles", st.articles)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	}
}
