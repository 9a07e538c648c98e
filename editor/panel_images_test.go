package editor

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"newsroom/domain"
	"newsroom/photo"
	nstorage "newsroom/storage"
)

// pngFile is a w×h PNG whose colour comes from shade, so each shade is
// another file.
func pngFile(t *testing.T, w, h int, shade uint8) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{shade, uint8(x), uint8(y), 0xFF})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// libraryAdd stores an image in st's library.
func libraryAdd(t *testing.T, st *nstorage.Store, data []byte, name string) domain.Media {
	t.Helper()
	_, info, err := photo.Read(bytes.NewReader(data), name, photo.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := st.AddMedia(context.Background(), data, info.Media(name))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestImagesPanelEditsLeadAndAdds(t *testing.T) {
	test.NewTempApp(t)
	// The screen's store gets the image before the article places it.
	square := pngFile(t, 64, 48, 10)
	sum := sha256.Sum256(square)
	ref0 := domain.MediaRefOf(hex.EncodeToString(sum[:]))
	a := &domain.Article{Headline: "Talks", Status: domain.StatusPublished, PublishedAt: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
		Body: "Intro.\n\n{{image " + ref0 + "}}\n\nEnd."}
	s, st := newPanelScreen(t, a)
	rec := libraryAdd(t, st, square, "square.png")
	ip := s.panels().images
	ip.refresh()
	waitFor(t, s, "the panel lists the image", func() bool { return len(ip.refs) == 1 && ip.records[rec.Ref].Ref == rec.Ref })
	if s.panels().tabs.Items[tabImages].Text != "Images (1)" {
		t.Errorf("tab title %q", s.panels().tabs.Items[tabImages].Text)
	}

	// The check reports the missing alt text and credit.
	s.panels().check.schedule()
	waitFor(t, s, "image findings", func() bool { return hasKind(s.panels().check.findings, domain.FindingImageMissingCredit) })
	if !hasKind(s.panels().check.findings, domain.FindingImageMissingAlt) {
		t.Errorf("no missing-alt finding: %+v", s.panels().check.findings)
	}

	// Fields are stored in the library at once.
	ip.list.Select(0)
	test.Type(ip.credit, "Photo: Desk")
	test.Type(ip.alt, "A coloured square")
	test.Tap(ip.save)
	waitFor(t, s, "the fields are saved", func() bool {
		m, err := st.Media(context.Background(), rec.Ref)
		return err == nil && m.Credit == "Photo: Desk" && m.Alt == "A coloured square"
	})
	waitFor(t, s, "the findings go", func() bool {
		return !hasKind(s.panels().check.findings, domain.FindingImageMissingCredit) && !hasKind(s.panels().check.findings, domain.FindingImageMissingAlt)
	})

	// Make it the lead image: the autosave stores it.
	test.Tap(ip.lead)
	if s.article.LeadImage != rec.Ref {
		t.Fatalf("lead image %q, want %q", s.article.LeadImage, rec.Ref)
	}
	waitFor(t, s, "the lead image is saved", func() bool { return stored(t, st, a.ID).LeadImage == rec.Ref })

	// Adding a file places it at the caret.
	s.Body().SetCursorOffset(len("Intro."))
	ip.addImage("second.png", pngFile(t, 40, 30, 200))
	waitFor(t, s, "the added image is placed", func() bool { return strings.Count(s.Body().Text(), "{{image ") == 2 })
	text := s.Body().Text()
	ref := text[strings.Index(text, "{{image ")+8 : strings.Index(text, "{{image ")+8+domain.MediaRefLength]
	if _, err := st.Media(context.Background(), ref); err != nil {
		t.Fatalf("added image %q not in the library: %v", ref, err)
	}
	if !strings.HasPrefix(text, "Intro.\n\n{{image "+ref+"}}\n\n") {
		t.Errorf("body after adding = %q", text)
	}

	// A file that is no image is refused, the body untouched.
	ip.addImage("notes.png", []byte("not a picture"))
	waitFor(t, s, "the refusal", func() bool { return strings.HasPrefix(ip.state.Text, "Not added:") })
	if s.Body().Text() != text {
		t.Errorf("body changed by a refused file: %q", s.Body().Text())
	}

	// Dropped files go the same way.
	dir := t.TempDir()
	path := filepath.Join(dir, "dropped.png")
	if err := os.WriteFile(path, pngFile(t, 20, 20, 90), 0o644); err != nil {
		t.Fatal(err)
	}
	s.DropImages([]fyne.URI{storage.NewFileURI(path)})
	waitFor(t, s, "the dropped image is placed", func() bool { return strings.Count(s.Body().Text(), "{{image ") == 3 })
}

func hasKind(fs []domain.Finding, kind string) bool {
	for _, f := range fs {
		if f.Kind == kind {
			return true
		}
	}
	return false
}

// TestImagesPanelSetsFocalPoint: the focal point fields show the chosen
// image's focal point, store a new one with the other fields, and refuse
// a number outside 0–1 with a message, storing nothing.
func TestImagesPanelSetsFocalPoint(t *testing.T) {
	test.NewTempApp(t)
	file := pngFile(t, 64, 48, 30)
	sum := sha256.Sum256(file)
	ref := domain.MediaRefOf(hex.EncodeToString(sum[:]))
	a := &domain.Article{Headline: "Talks", Body: "Intro.\n\n{{image " + ref + "}}\n\nEnd."}
	s, st := newPanelScreen(t, a)
	libraryAdd(t, st, file, "focal.png")
	ip := s.panels().images
	ip.refresh()
	waitFor(t, s, "the panel lists the image", func() bool { return len(ip.refs) == 1 && ip.records[ref].Ref == ref })
	ip.list.Select(0)
	if ip.focalX.Text != "0.5" || ip.focalY.Text != "0.5" || ip.focalX.Disabled() {
		t.Fatalf("focal point fields %q, %q (disabled %v), want the centre, editable", ip.focalX.Text, ip.focalY.Text, ip.focalX.Disabled())
	}
	ip.focalX.SetText("")
	test.Type(ip.focalX, "0.25")
	ip.focalY.SetText("")
	test.Type(ip.focalY, "0,8")
	test.Tap(ip.save)
	waitFor(t, s, "the focal point is saved", func() bool {
		m, err := st.Media(context.Background(), ref)
		return err == nil && m.FocalX == 0.25 && m.FocalY == 0.8
	})

	ip.focalY.SetText("")
	test.Type(ip.focalY, "1.5")
	test.Tap(ip.save)
	if !strings.Contains(ip.state.Text, "Not saved:") || !strings.Contains(ip.state.Text, "from 0 to 1") {
		t.Errorf("out-of-range focal point says %q", ip.state.Text)
	}
	fakeOf(s).Settle()
	if m, err := st.Media(context.Background(), ref); err != nil || m.FocalY != 0.8 {
		t.Errorf("refused focal point stored: %v %v", m.FocalY, err)
	}
}

// TestImagesPanelLabelsLookEnabledWhenEditable: the Caption, Credit,
// Alt text and Focal point labels are grey while no image is chosen (the fields are
// disabled) and take the text colour once a chosen image makes the fields
// editable.
func TestImagesPanelLabelsLookEnabledWhenEditable(t *testing.T) {
	test.NewTempApp(t)
	square := pngFile(t, 64, 48, 30)
	sum := sha256.Sum256(square)
	ref := domain.MediaRefOf(hex.EncodeToString(sum[:]))
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Intro.\n\n{{image " + ref + "}}\n\nEnd."})
	libraryAdd(t, st, square, "square.png")
	ip := s.panels().images
	ip.refresh()
	waitFor(t, s, "the panel lists the image", func() bool { return len(ip.refs) == 1 && len(ip.records) == 1 })
	s.panels().tabs.SelectIndex(tabImages)
	labelColours := func() map[string]color.Color {
		got := map[string]color.Color{}
		visibleTexts(ip.content, func(tx *canvas.Text) {
			if !tx.TextStyle.Bold {
				return // a placeholder, not a form label
			}
			switch tx.Text {
			case "Caption", "Credit", "Alt text", "Focal point":
				got[tx.Text] = tx.Color
			}
		})
		if len(got) != 4 {
			t.Fatalf("labels found: %v", got)
		}
		return got
	}
	th, v := fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	grey, ink := th.Color(theme.ColorNameDisabled, v), th.Color(theme.ColorNameForeground, v)
	for name, c := range labelColours() {
		if c != grey {
			t.Errorf("with no image chosen the %s label is %v, want the disabled colour", name, c)
		}
	}
	ip.list.Select(0)
	if ip.caption.Disabled() {
		t.Fatal("the caption field is still disabled with an image chosen")
	}
	shown := map[string]bool{}
	visibleTexts(ip.content, func(tx *canvas.Text) { shown[tx.Text] = true })
	if !shown[ip.focalX.Text] || ip.focalX.Text == "" || boxOf(ip.focalX).bottom-boxOf(ip.focalX).top < 10 {
		t.Errorf("the focal point field (%q) is not drawn", ip.focalX.Text)
	}
	for name, c := range labelColours() {
		if c != ink {
			t.Errorf("with an image chosen the %s label is %v (disabled colour %v), want the text colour %v", name, c, grey, ink)
		}
	}
}
