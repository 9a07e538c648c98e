package editor

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"newsroom/domain"
)

// TestPreviewShowsLibraryImages: the preview shows the lead image above
// the body and each {{image REF}} where it stands, as pictures with their
// caption and credit (or the caption override), and says so in plain
// words when a ref names no image.
func TestPreviewShowsLibraryImages(t *testing.T) {
	test.NewTempApp(t)
	a := &domain.Article{Headline: "Talks", Body: "Intro.\n\nEnd."}
	s, st := newPanelScreen(t, a)
	lead := libraryAdd(t, st, pngFile(t, 80, 60, 10), "lead.png")
	inline := libraryAdd(t, st, pngFile(t, 40, 30, 200), "inline.png")
	lead.Caption, lead.Credit = "The harbour at dawn", "Ann Photo / Agency"
	if err := st.UpdateMedia(context.Background(), lead); err != nil {
		t.Fatal(err)
	}
	a.LeadImage = lead.Ref
	a.Body = "Intro.\n\n{{image " + inline.Ref + " \"Boats, seen from the pier\"}}\n\n{{image 000000000000}}\n\nEnd."
	images := s.preview.imageSource()
	if images == nil {
		t.Fatal("a store with a media library gives the preview no images")
	}
	blocks := previewPage(a, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), images)
	var pictures []previewBlock
	var problems []string
	for _, b := range blocks {
		if b.kind != blockImage {
			continue
		}
		if b.img != nil {
			pictures = append(pictures, b)
		} else {
			problems = append(problems, b.caption)
		}
	}
	if len(pictures) != 2 {
		t.Fatalf("%d pictures in the preview, want the lead and the inline one: %+v", len(pictures), blocks)
	}
	if got := pictures[0].caption; got != "The harbour at dawn — Ann Photo / Agency" {
		t.Errorf("lead caption %q", got)
	}
	if w := pictures[0].img.Bounds().Dx(); w != 80 {
		t.Errorf("lead picture %d px wide, want its own 80 (never upscaled)", w)
	}
	if got := pictures[1].caption; got != "Boats, seen from the pier" {
		t.Errorf("inline caption %q, want the override", got)
	}
	if pictures[1].at <= 0 || !strings.HasPrefix(a.Body[pictures[1].at:], "{{image") {
		t.Errorf("the inline picture's block is not at its marker (offset %d)", pictures[1].at)
	}
	if len(problems) != 1 || !strings.Contains(problems[0], `no image "000000000000"`) {
		t.Errorf("unknown ref shows %q", problems)
	}
	if text := previewPlain(blocks); !strings.Contains(text, "[Image: The harbour at dawn") {
		t.Errorf("the preview's text lacks the lead image:\n%s", text)
	}
}

// TestPreviewWritePageWritesImages: "Preview in browser" writes, beside
// the page, every image file the page names (the lead and an inline
// image, from the screen's SQLite store), says "Preparing images…" while
// it makes them, and makes none the second time.
func TestPreviewWritePageWritesImages(t *testing.T) {
	a := &domain.Article{Headline: "Talks", Slug: "talks", Body: "Intro."}
	s, st := newPanelScreen(t, a)
	lead := libraryAdd(t, st, pngFile(t, 700, 400, 10), "lead.png")
	inline := libraryAdd(t, st, pngFile(t, 300, 200, 200), "inline.png")
	snap := cloneArticle(s.article)
	snap.LeadImage = lead.Ref
	snap.Body = "Intro.\n\n{{image " + inline.Ref + "}}\n\nEnd."
	path, err := s.preview.writePage(snap)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(s.preview.tmpDir) })
	fakeOf(s).Settle()
	if got := s.preview.state.Text; got != "Preparing 2 images…" {
		t.Errorf("state line %q while images are made", got)
	}
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	urls := regexp.MustCompile(`(?:src|srcset)="([^"]+)"`).FindAllStringSubmatch(string(page), -1)
	named := map[string]bool{}
	for _, m := range urls {
		for _, c := range strings.Split(m[1], ", ") {
			u, _, _ := strings.Cut(c, " ")
			named[u] = true
		}
	}
	for _, rel := range []string{lead.Ref + "-480.jpg", lead.Ref + "-700.jpg", inline.Ref + "-300.jpg"} {
		if !named["../media/"+rel] {
			t.Errorf("page does not name %s: %v", rel, named)
		}
	}
	for u := range named {
		data, err := os.ReadFile(filepath.Join(filepath.Dir(path), filepath.FromSlash(u)))
		if err != nil {
			t.Errorf("the page names %s, which is not beside it: %v", u, err)
			continue
		}
		if _, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil {
			t.Errorf("%s does not decode: %v", u, err)
		}
	}
	s.preview.state.SetText("")
	if _, err := s.preview.writePage(snap); err != nil {
		t.Fatal(err)
	}
	fakeOf(s).Settle()
	if got := s.preview.state.Text; got != "" {
		t.Errorf("second preview says %q: images were made again", got)
	}
}
