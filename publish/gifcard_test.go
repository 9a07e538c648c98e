package publish

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsroom/domain"
)

// whiteish reports whether c is an opaque near-white.
func whiteish(c color.Color) bool {
	r, g, b, a := c.RGBA()
	return r>>8 >= 235 && g>>8 >= 235 && b>>8 >= 235 && a>>8 == 255
}

// halfTransparentPNG is a w×h PNG whose left half is fully transparent
// and whose right half is opaque red.
func halfTransparentPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := w / 2; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{220, 0, 0, 255})
		}
	}
	return testPNG(t, img)
}

// transparentAnimatedGIF is a 600 × 300 animation of three frames whose
// first frame is transparent on its left half and red on its right.
func transparentAnimatedGIF(t *testing.T) []byte {
	t.Helper()
	pal := color.Palette{gifRed, gifGreen, color.RGBA{}}
	first := image.NewPaletted(image.Rect(0, 0, 600, 300), pal)
	for y := 0; y < 300; y++ {
		for x := 0; x < 600; x++ {
			first.Pix[first.PixOffset(x, y)] = map[bool]uint8{true: 2, false: 0}[x < 300]
		}
	}
	square := image.NewPaletted(image.Rect(400, 100, 500, 200), pal)
	for i := range square.Pix {
		square.Pix[i] = 1
	}
	g := &gif.GIF{Image: []*image.Paletted{first, square, square}, Delay: []int{10, 10, 10},
		Disposal: []byte{gif.DisposalNone, gif.DisposalBackground, gif.DisposalNone},
		Config:   image.Config{ColorModel: pal, Width: 600, Height: 300}}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCardFlattensTransparency: a transparent lead image's social card is
// white where the image is transparent (not black, as a JPEG of
// transparent pixels is), for a half-transparent PNG and a transparent
// animated GIF; the PNG's renditions stay PNG with their transparency.
func TestCardFlattensTransparency(t *testing.T) {
	for _, tc := range []struct {
		name, format string
		file         []byte
		w, h         int
		card         string // the card's name after the ref
		clear, red   image.Point
	}{
		{"png", "png", halfTransparentPNG(t, 1260, 630), 1260, 630, "-card-30-0-1200x630.png", image.Pt(100, 315), image.Pt(1100, 315)},
		{"animated gif", "gif", transparentAnimatedGIF(t), 600, 300, "-card-15-0-571x300.jpg", image.Pt(60, 150), image.Pt(540, 150)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := &fakeSource{}
			src := newMediaFakeSource(base)
			m := src.add(tc.file, libraryImage(tc.file, tc.format, tc.w, tc.h, "Clear", "Desk", "Half clear"))
			a := sampleArticle()
			a.LeadImage = m.Ref
			base.articles = []domain.Article{a}
			dir := t.TempDir()
			if _, err := Export(context.Background(), src, dir, ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}, nil); err != nil {
				t.Fatal(err)
			}
			card := "media/" + m.Ref + tc.card
			if page := readPage(t, dir, a.Slug); !strings.Contains(page, `content="https://news.example/`+card+`"`) {
				t.Fatalf("page does not name the card %s", card)
			}
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(card)))
			if err != nil {
				t.Fatal(err)
			}
			img, _, err := image.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if c := img.At(tc.clear.X, tc.clear.Y); !whiteish(c) {
				t.Errorf("the card's transparent part is %v, want white", c)
			}
			if c := img.At(tc.red.X, tc.red.Y); !near(c, gifRed) {
				t.Errorf("the card's opaque part is %v, want red", c)
			}
			if tc.format == "png" {
				r, err := os.ReadFile(filepath.Join(dir, "media", m.Ref+"-960.png"))
				if err != nil {
					t.Fatalf("the PNG's rendition is not PNG: %v", err)
				}
				ri, _, err := image.Decode(bytes.NewReader(r))
				if err != nil {
					t.Fatal(err)
				}
				if _, _, _, a := ri.At(20, 20).RGBA(); a != 0 {
					t.Errorf("the PNG rendition lost its transparency (alpha %d)", a)
				}
			}
		})
	}
}

// TestJPEGRenditionFlattensTransparency: an image with alpha written as
// JPEG (a WebP's renditions) is white where it was transparent.
func TestJPEGRenditionFlattensTransparency(t *testing.T) {
	out, err := makeRenditions(halfTransparentPNG(t, 200, 100), "png", []image.Point{{100, 50}, {200, 100}}, "jpeg")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range out {
		img, _, err := image.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		w := img.Bounds().Dx()
		if c := img.At(w/8, 20); !whiteish(c) {
			t.Errorf("%d wide: transparent part is %v, want white", w, c)
		}
		if c := img.At(w*7/8, 20); !near(c, gifRed) {
			t.Errorf("%d wide: opaque part is %v, want red", w, c)
		}
	}
}

// TestExportWarnsOfStillGIF: an animated GIF over the frame-pixel bound
// is published as a still, and every export says so, naming the article
// and the image, without reading the file again.
func TestExportWarnsOfStillGIF(t *testing.T) {
	old := maxAnimatedPixels
	maxAnimatedPixels = 5*600*300 - 1
	t.Cleanup(func() { maxAnimatedPixels = old })
	base, src, m, a := gifArticle(t)
	a.Body = "Intro.\n\n{{image " + m.Ref + "}}\n"
	base.articles = []domain.Article{a}
	dir := t.TempDir()
	opt := ExportOptions{SiteTitle: "Daily", Now: exportT}
	want := `article "` + a.Slug + `": image ` + m.Ref + ` (photo.gif), an animated GIF of 5 frames × 600×300, is over the 899999-pixel bound for animations; published as a still`
	hasWarning := func(rep Report) bool {
		for _, w := range rep.Warnings {
			if strings.Contains(w, want) {
				return true
			}
		}
		return false
	}
	rep, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(rep) {
		t.Errorf("export warnings lack %q:\n%s", want, strings.Join(rep.Warnings, "\n"))
	}
	if _, err := os.Stat(filepath.Join(dir, "media", m.Ref+"-600.png")); err != nil { // its palette has a transparent colour
		t.Errorf("the GIF over the bound is not published as a still: %v", err)
	}
	src.reads.Store(0)
	again, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(again) || again.Written != 0 || src.reads.Load() != 0 {
		t.Errorf("no-change re-export: warned %v, wrote %d, read %d images; want the warning again, nothing written or read",
			hasWarning(again), again.Written, src.reads.Load())
	}
	// Under the bound the same file animates and nobody is warned.
	maxAnimatedPixels = old
	src.reads.Store(0)
	raised, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "media", m.Ref+"-600.gif")); err != nil || hasWarning(raised) || src.reads.Load() == 0 {
		t.Errorf("with the bound raised: animated rendition %v, warned %v, read %d images; want it animated, no warning",
			err, hasWarning(raised), src.reads.Load())
	}
	if w := stillGIFWarning(a.Slug, &resolvedImage{Media: m, Format: "gif", Frames: 5}); w != "" {
		t.Errorf("an animated GIF is warned of: %s", w)
	}
	if w := stillGIFWarning(a.Slug, &resolvedImage{Media: m, Format: "jpeg", Frames: 1}); w != "" {
		t.Errorf("a still GIF is warned of: %s", w)
	}
}

// TestReexportReadsNoGIF: a no-change re-export of a site with still and
// animated GIFs reads no image file; a manifest from before exports
// recorded a GIF's frame count costs one read of each still GIF, once.
func TestReexportReadsNoGIF(t *testing.T) {
	base := &fakeSource{}
	src := newMediaFakeSource(base)
	stillFile := func(pal color.Palette) []byte {
		var buf bytes.Buffer
		p := image.NewPaletted(image.Rect(0, 0, 40, 20), pal)
		if err := gif.Encode(&buf, p, nil); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	opaque := stillFile(color.Palette{gifRed})
	clear := stillFile(color.Palette{color.RGBA{}, gifBlue})
	moving := animatedTestGIF(t)
	var refs []string
	for _, f := range []struct {
		data []byte
		w, h int
	}{{opaque, 40, 20}, {clear, 40, 20}, {moving, 600, 300}} {
		refs = append(refs, src.add(f.data, libraryImage(f.data, "gif", f.w, f.h, "GIF", "Desk", "A GIF")).Ref)
	}
	a := sampleArticle()
	a.LeadImage = refs[0]
	a.Body = "Intro.\n\n{{image " + refs[1] + "}}\n\n{{image " + refs[2] + "}}\n"
	base.articles = []domain.Article{a}
	dir := t.TempDir()
	opt := ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}
	export := func() Report {
		t.Helper()
		src.reads.Store(0)
		rep, err := Export(context.Background(), src, dir, opt, nil)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	export()
	for _, name := range []string{refs[0] + "-40.jpg", refs[1] + "-40.png", refs[2] + "-600.gif"} {
		if _, err := os.Stat(filepath.Join(dir, "media", name)); err != nil {
			t.Errorf("rendition %s: %v", name, err)
		}
	}
	if rep := export(); rep.Written != 0 || src.reads.Load() != 0 {
		t.Errorf("no-change re-export wrote %d files and read %d images, want none", rep.Written, src.reads.Load())
	}

	// A manifest as exports wrote it before the frame count.
	path := filepath.Join(dir, manifestName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	oldStyle := strings.NewReplacer(" frames=1", "", " frames=5", "").Replace(string(data))
	if oldStyle == string(data) {
		t.Fatal("the manifest records no frame count")
	}
	if err := os.WriteFile(path, []byte(oldStyle), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep := export(); rep.Written != 0 || src.reads.Load() != 2 {
		t.Errorf("re-export from an old manifest wrote %d files and read %d images, want none written and the 2 still GIFs read", rep.Written, src.reads.Load())
	}
	if rep := export(); rep.Written != 0 || src.reads.Load() != 0 {
		t.Errorf("the re-export after it wrote %d files and read %d images, want none", rep.Written, src.reads.Load())
	}
}
