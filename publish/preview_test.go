package publish

import (
	"bytes"
	"context"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// srcsetURLs lists every URL the page's img elements name (src and each
// srcset candidate).
func srcsetURLs(page string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<img src="([^"]+)" srcset="([^"]+)"`).FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
		for _, c := range strings.Split(m[2], ", ") {
			url, _, _ := strings.Cut(c, " ")
			out = append(out, url)
		}
	}
	return out
}

// TestWritePreviewWritesImages: "Preview in browser" writes the page the
// export writes, with every rendition its src and srcset name beside it;
// a second preview with no change writes no image and reads none.
func TestWritePreviewWritesImages(t *testing.T) {
	src, lead, inline := imageExportFixture(t)
	a := src.articles[0]
	opt := Options{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}
	dir := t.TempDir()
	var making []int
	pv := Preview{Media: src, MakingImages: func(n int) { making = append(making, n) }}
	path, err := WritePreview(context.Background(), dir, &a, nil, opt, pv)
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	urls := srcsetURLs(string(page))
	// Lead: src 960, srcset 480, 960, 1600; inline: src 600, srcset 480, 600.
	if len(urls) != 7 {
		t.Fatalf("page names %d image URLs, want 7: %v", len(urls), urls)
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, "../media/") {
			t.Errorf("image URL %q is not beside the page", u)
			continue
		}
		b, err := os.ReadFile(filepath.Join(filepath.Dir(path), filepath.FromSlash(u)))
		if err != nil {
			t.Errorf("the page names %s, which the preview did not write: %v", u, err)
			continue
		}
		if _, err := jpeg.DecodeConfig(bytes.NewReader(b)); err != nil {
			t.Errorf("%s is no JPEG: %v", u, err)
		}
	}
	if len(making) != 1 || making[0] != 2 {
		t.Errorf("MakingImages calls %v, want one for the 2 images", making)
	}
	for _, ref := range []string{lead.Ref, inline.Ref} {
		if !strings.Contains(string(page), "../media/"+ref+"-480.jpg") {
			t.Errorf("page lacks image %s", ref)
		}
	}

	// The same page the export writes for that article.
	exported := t.TempDir()
	if _, err := Export(context.Background(), src, exported, ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}, nil); err != nil {
		t.Fatal(err)
	}
	if want := readPage(t, exported, a.Slug); string(page) != want {
		t.Errorf("the preview's page differs from the exported one:\npreview:\n%s\nexport:\n%s", page, want)
	}

	// A second preview: no image read, none written.
	stamp := time.Now().Add(-time.Hour)
	media, _ := filepath.Glob(filepath.Join(dir, "media", "*"))
	for _, f := range media {
		if err := os.Chtimes(f, stamp, stamp); err != nil {
			t.Fatal(err)
		}
	}
	src.reads.Store(0)
	making = nil
	if _, err := WritePreview(context.Background(), dir, &a, nil, opt, pv); err != nil {
		t.Fatal(err)
	}
	if src.reads.Load() != 0 || making != nil {
		t.Errorf("second preview read %d image files (making %v), want none", src.reads.Load(), making)
	}
	for _, f := range media {
		if fi, err := os.Stat(f); err != nil || !fi.ModTime().Equal(stamp) {
			t.Errorf("second preview rewrote %s (%v)", f, err)
		}
	}

	// A removed rendition is made again, alone.
	gone := filepath.Join(dir, "media", inline.Ref+"-480.jpg")
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	if _, err := WritePreview(context.Background(), dir, &a, nil, opt, pv); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(gone); err != nil {
		t.Errorf("removed rendition not made again: %v", err)
	}
	if fi, err := os.Stat(filepath.Join(dir, "media", lead.Ref+"-480.jpg")); err != nil || !fi.ModTime().Equal(stamp) {
		t.Errorf("the lead's rendition was rewritten with the inline one (%v)", err)
	}
}
