package cli

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"newsroom/publish"
	"newsroom/storage"
)

// The store is the export's media library.
var _ publish.MediaSource = (*storage.Store)(nil)

// samplePhoto writes a 2000×1333 JPEG of soft colour bands.
func samplePhoto(t *testing.T, path string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 2000, 1333))
	for y := 0; y < 1333; y++ {
		for x := 0; x < 2000; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(x / 8), uint8(y / 6), uint8((x + y) / 13), 0xFF})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSampleArticleExportsWithLeadPhoto(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	slug := "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis"
	photo := filepath.Join(t.TempDir(), "sochi.jpg")
	samplePhoto(t, photo)
	code, out, errOut := run(t, "media", "add", photo, "--lead-of", slug, "--caption", "John Kerry arrives in Sochi",
		"--credit", "Photo: Pool/Reuters", "--alt", "John Kerry on the steps of a plane")
	if code != 0 {
		t.Fatalf("media add: %d %s", code, errOut)
	}
	ref := strings.TrimSpace(out)
	site := filepath.Join(t.TempDir(), "site")
	code, stdout, errOut := run(t, "export", "--out", site, "--base-url", "https://news.example/")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	if strings.Contains(errOut, "image-") {
		t.Errorf("image findings for a photo with alt text and credit: %s", errOut)
	}
	page, err := os.ReadFile(filepath.Join(site, slug, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<figure class="lead-photo"><img src="../media/` + ref + `-960.jpg"`,
		`width="1600" height="1066" alt="John Kerry on the steps of a plane"`,
		`<span class="credit">Photo: Pool/Reuters</span>`,
		`<meta property="og:image" content="https://news.example/media/` + ref + `-card-`,
		`<meta property="og:image:width" content="1200">`,
		`"image":[{"@type":"ImageObject","url":"https://news.example/media/` + ref + `-card-`,
		`{"@type":"ImageObject","url":"https://news.example/media/` + ref + `-1600.jpg"`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, w := range []int{480, 960, 1600} {
		f, err := os.Open(filepath.Join(site, "media", ref+"-"+strconv.Itoa(w)+".jpg"))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != w {
			t.Errorf("rendition %d: %+v %v", w, cfg, err)
		}
	}
	code, stdout, _ = run(t, "export", "--out", site, "--base-url", "https://news.example/")
	if code != 0 || !strings.Contains(stdout, " 0 written") {
		t.Errorf("re-export should write nothing: %q", stdout)
	}
	if _, out, _ := run(t, "articles", "check", slug, "--json"); strings.Contains(out, "image-") {
		t.Errorf("check finds fault with a photo with alt text and credit: %s", out)
	}

	// A lead photo without credit is a finding of the check and a warning
	// of the export.
	bare := filepath.Join(t.TempDir(), "bare.jpg")
	samplePhoto(t, bare)
	raw, _ := os.ReadFile(bare)
	os.WriteFile(bare, append(raw[:len(raw)-2:len(raw)-2], 0, 0xFF, 0xD9), 0o644) // other bytes, another record
	if code, _, errOut := run(t, "media", "add", bare, "--lead-of", slug, "--alt", "A plane on a runway"); code != 0 {
		t.Fatalf("media add: %d %s", code, errOut)
	}
	_, out, _ = run(t, "articles", "check", slug, "--json")
	if !strings.Contains(out, `"kind": "image-missing-credit"`) || !strings.Contains(out, `"field": "lead_image"`) {
		t.Errorf("check lacks the lead image's missing credit: %s", out)
	}
	code, _, errOut = run(t, "export", "--out", site)
	if code != 0 || !strings.Contains(errOut, `image-missing-credit: lead image`) {
		t.Errorf("export does not warn about the missing credit: %d %s", code, errOut)
	}
}
