package editor

import (
	"context"
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
