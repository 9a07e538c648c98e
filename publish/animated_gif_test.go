package publish

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"newsroom/domain"
)

var (
	gifRed    = color.RGBA{220, 0, 0, 255}
	gifGreen  = color.RGBA{0, 200, 0, 255}
	gifBlue   = color.RGBA{0, 0, 230, 255}
	gifYellow = color.RGBA{240, 230, 0, 255}
)

// animatedTestGIF is a 600 × 300 animation of five frames: red, a green
// square (cleared after it is shown), a blue square (undone after it is
// shown), yellow, red again; delays 10…50 hundredths of a second.
func animatedTestGIF(t *testing.T) []byte {
	t.Helper()
	pal := color.Palette{gifRed, gifGreen, gifBlue, gifYellow, color.RGBA{}}
	frame := func(r image.Rectangle, c int) *image.Paletted {
		p := image.NewPaletted(r, pal)
		for i := range p.Pix {
			p.Pix[i] = uint8(c)
		}
		return p
	}
	full := image.Rect(0, 0, 600, 300)
	g := &gif.GIF{
		Image: []*image.Paletted{
			frame(full, 0),
			frame(image.Rect(100, 50, 300, 250), 1),
			frame(image.Rect(350, 50, 550, 250), 2),
			frame(full, 3),
			frame(full, 0),
		},
		Delay:    []int{10, 20, 30, 40, 50},
		Disposal: []byte{gif.DisposalNone, gif.DisposalBackground, gif.DisposalPrevious, gif.DisposalNone, gif.DisposalNone},
		Config:   image.Config{ColorModel: pal, Width: 600, Height: 300},
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// near reports whether c is within a few levels of want.
func near(c color.Color, want color.RGBA) bool {
	r, g, b, a := c.RGBA()
	d := func(x uint32, y uint8) bool { return int(x>>8)-int(y) <= 24 && int(y)-int(x>>8) <= 24 }
	return d(r, want.R) && d(g, want.G) && d(b, want.B) && d(a, want.A)
}

// TestExportKeepsGIFAnimation: an animated GIF's renditions are animated
// GIFs of the same frames and delays, each frame composed as the file says
// (a cleared square shows through as transparent); a re-export writes
// nothing.
// gifArticle is a media source holding animatedTestGIF (5 frames of
// 600×300) and the sample article, not yet using it.
func gifArticle(t *testing.T) (*fakeSource, *mediaFakeSource, domain.Media, domain.Article) {
	t.Helper()
	base := &fakeSource{}
	src := newMediaFakeSource(base)
	file := animatedTestGIF(t)
	m := src.add(file, libraryImage(file, "gif", 600, 300, "Moving", "Desk", "Coloured squares"))
	return base, src, m, sampleArticle()
}

func TestExportKeepsGIFAnimation(t *testing.T) {
	base, src, m, a := gifArticle(t)
	a.Body = "Intro.\n\n{{image " + m.Ref + "}}\n"
	base.articles = []domain.Article{a}
	dir := t.TempDir()
	opt := ExportOptions{SiteTitle: "Daily", Now: exportT}
	if _, err := Export(context.Background(), src, dir, opt, nil); err != nil {
		t.Fatal(err)
	}
	page := readPage(t, dir, a.Slug)
	if want := `srcset="../media/` + m.Ref + `-480.gif 480w, ../media/` + m.Ref + `-600.gif 600w"`; !strings.Contains(page, want) {
		t.Errorf("page lacks %s", want)
	}
	for _, size := range []image.Point{{480, 240}, {600, 300}} {
		name := filepath.Join(dir, "media", m.Ref+"-"+strconv.Itoa(size.X)+".gif")
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		g, err := gif.DecodeAll(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(g.Image) != 5 || g.Config.Width != size.X || g.Config.Height != size.Y {
			t.Fatalf("%s: %d frames of %d×%d, want 5 of %v", name, len(g.Image), g.Config.Width, g.Config.Height, size)
		}
		for i, d := range []int{10, 20, 30, 40, 50} {
			if g.Delay[i] != d {
				t.Errorf("%s: frame %d delay %d, want %d", name, i, g.Delay[i], d)
			}
		}
		at := func(frame int, x, y float64) color.Color {
			return g.Image[frame].At(int(x*float64(size.X)), int(y*float64(size.Y)))
		}
		for _, c := range []struct {
			frame int
			x, y  float64
			want  color.RGBA
		}{
			{0, 0.5, 0.5, gifRed},
			{1, 1.0 / 3, 0.5, gifGreen}, // the green square over the red
			{1, 0.75, 0.5, gifRed},
			{2, 1.0 / 3, 0.5, color.RGBA{}}, // the green square was cleared
			{2, 0.75, 0.5, gifBlue},
			{2, 0.1, 0.5, gifRed},
			{3, 0.5, 0.5, gifYellow},
			{4, 0.75, 0.5, gifRed},
		} {
			if got := at(c.frame, c.x, c.y); !near(got, c.want) {
				t.Errorf("%s frame %d at (%.2f, %.2f): %v, want %v", name, c.frame, c.x, c.y, got, c.want)
			}
		}
	}
	src.reads.Store(0)
	again, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || src.reads.Load() != 0 {
		t.Errorf("no-change re-export wrote %d files and read %d images", again.Written, src.reads.Load())
	}
}

// TestAnimatedGIFLimit: a GIF of more frame pixels than the limit is
// published as its first frame, like a still; a still GIF stays a still.
func TestAnimatedGIFLimit(t *testing.T) {
	file := animatedTestGIF(t)
	if s, ok := scanGIF(file); !ok || s.Frames != 5 || s.Width != 600 || s.Height != 300 {
		t.Fatalf("scanGIF = %+v, %v", s, ok)
	}
	if got := renditionFormat("gif", file); got != "gif" {
		t.Errorf("animated GIF renditions %q, want gif", got)
	}
	old := maxAnimatedPixels
	maxAnimatedPixels = 5*600*300 - 1
	t.Cleanup(func() { maxAnimatedPixels = old })
	if got := renditionFormat("gif", file); got == "gif" {
		t.Errorf("a GIF over the frame-pixel limit keeps its animation")
	}
	if _, err := makeGIFRenditions(file, []image.Point{{480, 240}}); err == nil {
		t.Error("makeGIFRenditions took a GIF over the limit")
	}
	maxAnimatedPixels = old
	var still bytes.Buffer
	if err := gif.Encode(&still, image.NewPaletted(image.Rect(0, 0, 10, 10), color.Palette{gifRed}), nil); err != nil {
		t.Fatal(err)
	}
	if got := renditionFormat("gif", still.Bytes()); got != "jpeg" {
		t.Errorf("still GIF renditions %q, want jpeg", got)
	}
	if _, ok := scanGIF(file[:len(file)/2]); ok {
		t.Error("scanGIF took a GIF cut in half")
	}
}

// TestAnimatedGIFLeadCard: an animated GIF as lead image keeps its
// animation on the page, and its social card is a still of its first
// frame.
func TestAnimatedGIFLeadCard(t *testing.T) {
	base, src, m, a := gifArticle(t)
	a.LeadImage = m.Ref
	base.articles = []domain.Article{a}
	dir := t.TempDir()
	if _, err := Export(context.Background(), src, dir, ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}, nil); err != nil {
		t.Fatal(err)
	}
	card := "media/" + m.Ref + "-card-15-0-571x300.jpg"
	if page := readPage(t, dir, a.Slug); !strings.Contains(page, `<meta property="og:image" content="https://news.example/`+card+`">`) || !strings.Contains(page, m.Ref+"-600.gif") {
		t.Fatalf("page lacks the card %s or the animated rendition:\n%s", card, readPage(t, dir, a.Slug))
	}
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(card)))
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s != (image.Point{571, 300}) || !near(img.At(280, 150), gifRed) {
		t.Errorf("card %v, centre %v: want the red first frame at 571×300", s, img.At(280, 150))
	}
}
