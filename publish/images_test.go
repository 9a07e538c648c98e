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
	"reflect"
	"strings"
	"testing"

	"newsroom/domain"
)

func TestRenditionsOf(t *testing.T) {
	tests := []struct {
		w, h   int
		format string
		want   []rendition
	}{
		{4000, 3000, "jpeg", []rendition{{480, 360, "media/abc-480.jpg"}, {960, 720, "media/abc-960.jpg"}, {1600, 1200, "media/abc-1600.jpg"}}},
		{3000, 4000, "jpeg", []rendition{{480, 640, "media/abc-480.jpg"}, {960, 1280, "media/abc-960.jpg"}, {1600, 2133, "media/abc-1600.jpg"}}},
		{1600, 900, "png", []rendition{{480, 270, "media/abc-480.png"}, {960, 540, "media/abc-960.png"}, {1600, 900, "media/abc-1600.png"}}},
		{1000, 500, "jpeg", []rendition{{480, 240, "media/abc-480.jpg"}, {960, 480, "media/abc-960.jpg"}, {1000, 500, "media/abc-1000.jpg"}}},
		{960, 640, "jpeg", []rendition{{480, 320, "media/abc-480.jpg"}, {960, 640, "media/abc-960.jpg"}}},
		{300, 200, "jpeg", []rendition{{300, 200, "media/abc-300.jpg"}}},
		{5000, 2, "jpeg", []rendition{{480, 1, "media/abc-480.jpg"}, {960, 1, "media/abc-960.jpg"}, {1600, 1, "media/abc-1600.jpg"}}},
		{0, 0, "jpeg", nil},
	}
	for _, tt := range tests {
		got := renditionsOf(domain.Media{Ref: "abc", Width: tt.w, Height: tt.h}, tt.format)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%d×%d: %+v, want %+v", tt.w, tt.h, got, tt.want)
		}
		for _, r := range got {
			if r.Width > tt.w {
				t.Errorf("%d×%d: upscaled to %d", tt.w, tt.h, r.Width)
			}
			if !ownedPath(r.Rel) {
				t.Errorf("%s is not a path the export owns", r.Rel)
			}
		}
	}
}

// halves is a 40×20 picture, its left half red and its right half blue.
func halves() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for y := 0; y < 20; y++ {
		for x := 0; x < 40; x++ {
			c := color.RGBA{0xFF, 0, 0, 0xFF}
			if x >= 20 {
				c = color.RGBA{0, 0, 0xFF, 0xFF}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func TestMakeRenditionsTurnsUpright(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, halves(), &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	// Orientation 6: the camera was turned clockwise; shown upright the
	// picture is 20×40 with the stored left (red) half at the top.
	file := withOrientation(buf.Bytes(), 6)
	out, err := makeRenditions(file, "jpeg", []image.Point{{10, 20}, {20, 40}}, "jpeg")
	if err != nil {
		t.Fatal(err)
	}
	for i, size := range []image.Point{{10, 20}, {20, 40}} {
		img, err := jpeg.Decode(bytes.NewReader(out[i]))
		if err != nil {
			t.Fatal(err)
		}
		if got := img.Bounds().Size(); got != size {
			t.Fatalf("rendition %d is %v, want %v", i, got, size)
		}
		top, bottom := img.At(size.X/2, size.Y/5), img.At(size.X/2, size.Y*4/5)
		if r, _, b, _ := top.RGBA(); r < 0xC000 || b > 0x4000 {
			t.Errorf("rendition %d: top is %v, want red", i, top)
		}
		if r, _, b, _ := bottom.RGBA(); b < 0xC000 || r > 0x4000 {
			t.Errorf("rendition %d: bottom is %v, want blue", i, bottom)
		}
	}
}

func TestMakeRenditionsHalvesLargePhotos(t *testing.T) {
	// 1000×800 to 240×192 takes two box halvings, then Catmull-Rom: the
	// picture must stay the same (a shape's colour where it was).
	src := photoImage(1000, 800, 7)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	out, err := makeRenditions(buf.Bytes(), "jpeg", []image.Point{{240, 192}}, "jpeg")
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(out[0]))
	if err != nil {
		t.Fatal(err)
	}
	var diff, n int64
	for y := 8; y < 184; y += 8 {
		for x := 8; x < 232; x += 8 {
			// Average the source over the block this pixel covers.
			var sr int64
			for sy := y * 1000 / 240; sy < (y+1)*1000/240; sy++ {
				for sx := x * 1000 / 240; sx < (x+1)*1000/240; sx++ {
					sr += int64(src.RGBAAt(sx, sy).R)
				}
			}
			sr /= int64((1000 / 240) * (1000 / 240))
			r, _, _, _ := img.At(x, y).RGBA()
			d := int64(r>>8) - sr
			diff += d * d
			n++
		}
	}
	if mean := diff / n; mean > 400 { // RMS error over 20 levels
		t.Errorf("resized picture differs from the original: mean squared error %d", mean)
	}
}

func TestRenditionFormat(t *testing.T) {
	opaque := testPNG(t, halves())
	clear := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	clear.SetNRGBA(1, 1, color.NRGBA{0xFF, 0, 0, 0x80})
	pal := image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.RGBA{}, color.RGBA{0xFF, 0, 0, 0xFF}})
	var clearGIF, solidGIF bytes.Buffer
	if err := gif.Encode(&clearGIF, pal, nil); err != nil {
		t.Fatal(err)
	}
	solid := image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.RGBA{0, 0, 0, 0xFF}, color.RGBA{0xFF, 0, 0, 0xFF}})
	if err := gif.Encode(&solidGIF, solid, nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, format string
		data         []byte
		want         string
	}{
		{"jpeg", "jpeg", testPhoto(t, 8, 8, 1), "jpeg"},
		{"opaque png", "png", opaque, "jpeg"},
		{"png with alpha", "png", testPNG(t, clear), "png"},
		{"gif with a transparent colour", "gif", clearGIF.Bytes(), "png"},
		{"opaque gif", "gif", solidGIF.Bytes(), "jpeg"},
		{"damaged png", "png", opaque[:20], "jpeg"},
	}
	for _, tt := range tests {
		if got := renditionFormat(tt.format, tt.data); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	// A PNG with alpha keeps it in its renditions.
	out, err := makeRenditions(testPNG(t, clear), "png", []image.Point{{4, 4}}, "png")
	if err != nil {
		t.Fatal(err)
	}
	if !pngHasAlpha(out[0]) {
		t.Error("png rendition lost its alpha channel")
	}
}

func TestMakeRenditionsRefusesBadFiles(t *testing.T) {
	good := testPhoto(t, 16, 16, 3)
	for name, data := range map[string][]byte{"cut short": good[:len(good)/2], "not an image": []byte("hello"), "empty": nil} {
		if _, err := makeRenditions(data, "jpeg", []image.Point{{8, 8}}, "jpeg"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := makeRenditions(good, "bmp", []image.Point{{8, 8}}, "jpeg"); err == nil {
		t.Error("unknown format: no error")
	}
}

// imageArticle is a published article with a lead image and two placed
// images, one of which the library lacks.
func imageExportFixture(t *testing.T) (*mediaFakeSource, domain.Media, domain.Media) {
	t.Helper()
	base := &fakeSource{}
	src := newMediaFakeSource(base)
	leadFile := testPhoto(t, 1700, 1100, 11)
	lead := src.add(leadFile, libraryImage(leadFile, "jpeg", 1700, 1100, "Crowds in the square at dawn", "Photo: Ana Lima/Reuters", "Hundreds of people in a square at dawn"))
	inlineFile := testPhoto(t, 600, 400, 12)
	inline := src.add(inlineFile, libraryImage(inlineFile, "jpeg", 600, 400, "The bridge", "", "A steel bridge over a river"))
	a := sampleArticle()
	a.LeadImage = lead.Ref
	a.Body = "First paragraph.\n\n{{image " + inline.Ref + " \"The bridge, seen from the east bank\"}}\n\nSecond paragraph.\n\n{{image 000000000000}}\n"
	base.articles = []domain.Article{a}
	return src, lead, inline
}

func readPage(t *testing.T, dir, slug string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, slug, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestExportImages(t *testing.T) {
	src, lead, inline := imageExportFixture(t)
	slug := src.articles[0].Slug
	dir := t.TempDir()
	opt := ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}
	rep, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Every rendition, upright and of the size its name says.
	for _, r := range append(renditionsOf(lead, "jpeg"), renditionsOf(inline, "jpeg")...) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.Rel)))
		if err != nil {
			t.Fatalf("rendition missing: %v", err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != r.Width || cfg.Height != r.Height {
			t.Errorf("%s: %d×%d (%v), want %d×%d", r.Rel, cfg.Width, cfg.Height, err, r.Width, r.Height)
		}
	}
	page := readPage(t, dir, slug)
	leadFig := `<figure class="lead-photo"><img src="../media/` + lead.Ref + `-960.jpg" srcset="../media/` + lead.Ref + `-480.jpg 480w, ../media/` + lead.Ref + `-960.jpg 960w, ../media/` + lead.Ref + `-1600.jpg 1600w" sizes="` + imageSizes + `" width="1600" height="1035" alt="Hundreds of people in a square at dawn" fetchpriority="high"><figcaption><span class="caption">Crowds in the square at dawn</span> <span class="credit">Photo: Ana Lima/Reuters</span></figcaption></figure>`
	inlineFig := `<figure class="photo"><img src="../media/` + inline.Ref + `-600.jpg" srcset="../media/` + inline.Ref + `-480.jpg 480w, ../media/` + inline.Ref + `-600.jpg 600w" sizes="` + imageSizes + `" width="600" height="400" alt="A steel bridge over a river" loading="lazy" decoding="async"><figcaption><span class="caption">The bridge, seen from the east bank</span></figcaption></figure>`
	for _, want := range []string{
		leadFig, inlineFig,
		`<p class="missing-image" role="note">Missing image: no image called “000000000000” in the media library.</p>`,
		// The social card: the 1200 × 630 crop around the focal point.
		`<meta property="og:image" content="https://news.example/media/` + lead.Ref + `-card-0-104-1200x630.jpg">`,
		`<meta property="og:image:width" content="1200">`, `<meta property="og:image:height" content="630">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`"image":[{"@type":"ImageObject","url":"https://news.example/media/` + lead.Ref + `-card-0-104-1200x630.jpg","width":1200,"height":630,"caption":"Crowds in the square at dawn","creditText":"Photo: Ana Lima/Reuters"},` +
			`{"@type":"ImageObject","url":"https://news.example/media/` + lead.Ref + `-1600.jpg","width":1600,"height":1035,"caption":"Crowds in the square at dawn","creditText":"Photo: Ana Lima/Reuters"}]`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Count(page, `loading="lazy"`) != 1 {
		t.Errorf("want exactly one lazy image (not the lead):\n%s", page)
	}
	warned := strings.Join(rep.Warnings, "\n")
	for _, want := range []string{
		`article "` + slug + `": image-unknown-ref: image "000000000000" is not in the media library`,
		`article "` + slug + `": image-missing-credit: image "` + inline.Ref + `" has no credit`,
	} {
		if !strings.Contains(warned, want) {
			t.Errorf("warnings lack %q:\n%s", want, warned)
		}
	}

	// A re-export with no change writes nothing and reads no image.
	src.reads.Store(0)
	again, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || src.reads.Load() != 0 {
		t.Errorf("no-change re-export wrote %d files and read %d images", again.Written, src.reads.Load())
	}
	if !reflect.DeepEqual(again.Warnings, rep.Warnings) {
		t.Errorf("re-export warnings %v, want %v", again.Warnings, rep.Warnings)
	}

	// A new credit rewrites the page, not the images.
	inline.Credit = "Photo: Desk"
	src.library[inline.Ref] = inline
	src.reads.Store(0)
	third, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The page and the two feeds that carry it (site and section).
	if third.Written != 3 || src.reads.Load() != 0 {
		t.Errorf("credit change: %d written, %d images read; want the page and its feeds, no image", third.Written, src.reads.Load())
	}
	if feed, err := os.ReadFile(filepath.Join(dir, "feed.xml")); err != nil || !strings.Contains(string(feed), "Photo: Desk") {
		t.Errorf("feed does not show the new credit (%v)", err)
	}
	if page := readPage(t, dir, slug); !strings.Contains(page, `<span class="credit">Photo: Desk</span>`) {
		t.Error("page does not show the new credit")
	}
	if strings.Contains(strings.Join(third.Warnings, "\n"), "image-missing-credit") {
		t.Errorf("credit finding stayed: %v", third.Warnings)
	}

	// Without the lead image its renditions go.
	src.articles[0].LeadImage = ""
	fourth, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if fourth.Removed != 4 {
		t.Errorf("removed %d files, want the lead's 3 renditions and its card", fourth.Removed)
	}
	if _, err := os.Stat(filepath.Join(dir, "media", lead.Ref+"-480.jpg")); !os.IsNotExist(err) {
		t.Errorf("lead rendition still there: %v", err)
	}

	// A deleted rendition is made again.
	gone := filepath.Join(dir, "media", inline.Ref+"-480.jpg")
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(context.Background(), src, dir, opt, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(gone); err != nil {
		t.Errorf("deleted rendition not made again: %v", err)
	}
}

func TestExportWithoutMediaLibraryShowsMissingImages(t *testing.T) {
	src, _, _ := imageExportFixture(t)
	dir := t.TempDir()
	rep, err := Export(context.Background(), src.fakeSource, dir, ExportOptions{Now: exportT}, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := readPage(t, dir, src.articles[0].Slug)
	if strings.Contains(page, "<img") || strings.Count(page, `class="missing-image"`) != 2 {
		t.Errorf("without a library every image is missing:\n%s", page)
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), "lead image") {
		t.Errorf("no warning about the lead image: %v", rep.Warnings)
	}
	if _, err := os.Stat(filepath.Join(dir, "media")); !os.IsNotExist(err) {
		t.Errorf("media folder made without images: %v", err)
	}
}

func TestExportFailsOnDamagedImage(t *testing.T) {
	src, lead, _ := imageExportFixture(t)
	src.files[lead.Ref] = src.files[lead.Ref][:2000]
	dir := t.TempDir()
	_, err := Export(context.Background(), src, dir, ExportOptions{Now: exportT}, nil)
	if err == nil || !strings.Contains(err.Error(), lead.Ref) {
		t.Fatalf("damaged image: err = %v, want one naming %s", err, lead.Ref)
	}
	if _, statErr := os.Stat(filepath.Join(dir, src.articles[0].Slug, "index.html")); !os.IsNotExist(statErr) {
		t.Errorf("page written although its image failed: %v", statErr)
	}
}

func TestPreviewImage(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, halves(), &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	img, err := PreviewImage(withOrientation(buf.Bytes(), 6), "jpeg", 10)
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got != (image.Point{10, 20}) {
		t.Fatalf("preview is %v, want 10×20 upright", got)
	}
	if r, _, b, _ := img.At(5, 3).RGBA(); r < 0xC000 || b > 0x4000 {
		t.Errorf("top of the upright preview is not red")
	}
	if big, err := PreviewImage(buf.Bytes(), "jpeg", 1000); err != nil || big.Bounds().Dx() != 40 {
		t.Errorf("preview upscaled or failed: %v %v", big.Bounds(), err)
	}
}

// bandedPhoto is a JPEG of w × h whose top third is red, middle third
// grey and bottom third blue.
func bandedPhoto(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		c := color.RGBA{128, 128, 128, 255}
		switch {
		case y < h/3:
			c = color.RGBA{220, 20, 20, 255}
		case y >= 2*h/3:
			c = color.RGBA{20, 20, 220, 255}
		}
		for x := 0; x < w; x++ {
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExportSocialCard: the lead image's social card is the 1200 × 630
// crop around its focal point, named by content, place and size; a
// re-export writes nothing, and a moved focal point writes only the new
// card and the page that names it (the old card goes).
func TestExportSocialCard(t *testing.T) {
	base := &fakeSource{}
	src := newMediaFakeSource(base)
	file := bandedPhoto(t, 2400, 2400)
	lead := src.add(file, libraryImage(file, "jpeg", 2400, 2400, "Bands", "Photo: Desk", "Three bands of colour"))
	lead.FocalY = 0 // the red top
	src.library[lead.Ref] = lead
	a := sampleArticle()
	a.LeadImage = lead.Ref
	base.articles = []domain.Article{a}
	dir := t.TempDir()
	opt := ExportOptions{SiteTitle: "Daily", BaseURL: "https://news.example", Now: exportT}
	if _, err := Export(context.Background(), src, dir, opt, nil); err != nil {
		t.Fatal(err)
	}
	topCard := "media/" + lead.Ref + "-card-0-0-1200x630.jpg"
	cardColour := func(rel string) color.Color {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("card missing: %v", err)
		}
		img, err := jpeg.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if s := img.Bounds().Size(); s != (image.Point{1200, 630}) {
			t.Errorf("%s is %v, want 1200×630", rel, s)
		}
		return img.At(600, 315)
	}
	if r, _, b, _ := cardColour(topCard).RGBA(); r>>8 < 180 || b>>8 > 60 {
		t.Errorf("the card of a focal point at the top is not red at its centre")
	}
	page := readPage(t, dir, a.Slug)
	if !strings.Contains(page, `<meta property="og:image" content="https://news.example/`+topCard+`">`) {
		t.Errorf("og:image does not name %s", topCard)
	}

	src.reads.Store(0)
	again, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Written != 0 || src.reads.Load() != 0 {
		t.Errorf("no-change re-export wrote %d files and read %d images", again.Written, src.reads.Load())
	}

	// The focal point moves to the blue bottom.
	lead.FocalY = 1
	src.library[lead.Ref] = lead
	src.reads.Store(0)
	moved, err := Export(context.Background(), src, dir, opt, nil)
	if err != nil {
		t.Fatal(err)
	}
	bottomCard := "media/" + lead.Ref + "-card-0-1140-1200x630.jpg"
	if moved.Written != 2 || moved.Removed != 1 || src.reads.Load() != 1 {
		t.Errorf("moved focal point: %d written, %d removed, %d images read; want the new card and the page, the old card removed, one read",
			moved.Written, moved.Removed, src.reads.Load())
	}
	if r, _, b, _ := cardColour(bottomCard).RGBA(); b>>8 < 180 || r>>8 > 60 {
		t.Errorf("the card of a focal point at the bottom is not blue at its centre")
	}
	if page := readPage(t, dir, a.Slug); !strings.Contains(page, `content="https://news.example/`+bottomCard+`"`) {
		t.Errorf("og:image does not name the new card %s", bottomCard)
	}
	if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(topCard))); !os.IsNotExist(err) {
		t.Errorf("the old card is still there (%v)", err)
	}

	// Without a base URL there is no OpenGraph image, so no card.
	plain := t.TempDir()
	if _, err := Export(context.Background(), src, plain, ExportOptions{SiteTitle: "Daily", Now: exportT}, nil); err != nil {
		t.Fatal(err)
	}
	if cards, _ := filepath.Glob(filepath.Join(plain, "media", "*-card-*")); len(cards) != 0 {
		t.Errorf("cards without a base URL: %v", cards)
	}
}
