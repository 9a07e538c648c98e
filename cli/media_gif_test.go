package cli

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/gif"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeAnimatedGIF writes a GIF of a w×h canvas whose first frame covers
// it and whose frames-1 others are one pixel each, and returns its path.
func writeAnimatedGIF(t *testing.T, dir, name string, frames, w, h int) string {
	t.Helper()
	pal := color.Palette{color.RGBA{200, 0, 0, 255}, color.RGBA{0, 0, 200, 255}}
	g := &gif.GIF{Config: image.Config{ColorModel: pal, Width: w, Height: h}}
	for i := range frames {
		r := image.Rect(0, 0, w, h)
		if i > 0 {
			r = image.Rect(i%w, 0, i%w+1, 1)
		}
		p := image.NewPaletted(r, pal)
		for j := range p.Pix {
			p.Pix[j] = uint8(i % 2)
		}
		g.Image = append(g.Image, p)
		g.Delay = append(g.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMediaShowGIFFrames: `media show` tells a GIF's frame count and
// whether the export keeps its animation.
func TestMediaShowGIFFrames(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	for _, tc := range []struct {
		name         string
		frames, w, h int
		want         string
		wantAnimated bool
	}{
		{"small.gif", 3, 20, 10, "frames: 3 (animated)", true},
		{"big.gif", 11, 2000, 2000, "frames: 11 (11 × 2000×2000 = 44000000 frame pixels, over the 40-million-pixel bound for animations: published as a still)", false},
	} {
		file := writeAnimatedGIF(t, dir, tc.name, tc.frames, tc.w, tc.h)
		code, out, errOut := run(t, "media", "add", "--db", db, file, "--alt", "Squares")
		if code != 0 {
			t.Fatalf("add %s: %d %s", tc.name, code, errOut)
		}
		ref := strings.TrimSpace(out)
		code, out, errOut = run(t, "media", "show", "--db", db, ref)
		if code != 0 || !strings.Contains(out, tc.want+"\n") {
			t.Errorf("show %s (%d %s) lacks %q:\n%s", tc.name, code, errOut, tc.want, out)
		}
		code, out, _ = run(t, "media", "show", "--db", db, ref, "--json")
		var m mediaJSON
		if err := json.Unmarshal([]byte(out), &m); code != 0 || err != nil || m.Frames != tc.frames || m.Animated != tc.wantAnimated {
			t.Errorf("show --json %s: frames %d animated %v (%v), want %d %v", tc.name, m.Frames, m.Animated, err, tc.frames, tc.wantAnimated)
		}
	}
	code, out, _ := run(t, "media", "add", "--db", db, cameraJPEG)
	if code != 0 {
		t.Fatal("add jpeg")
	}
	if _, out, _ = run(t, "media", "show", "--db", db, strings.TrimSpace(out)); strings.Contains(out, "frames:") {
		t.Errorf("a JPEG is told in frames:\n%s", out)
	}
}

// TestExportWarnsOfStillGIF: `newsroom export` says on stderr that an
// animated GIF over the frame-pixel bound is published as a still.
func TestExportWarnsOfStillGIF(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	file := writeAnimatedGIF(t, t.TempDir(), "big.gif", 11, 2000, 2000)
	slug := "kerry-to-meet-putin-in-first-russian-visit-since-start-of-ukraine-crisis"
	code, out, errOut := run(t, "media", "add", file, "--alt", "Squares", "--credit", "Desk", "--lead-of", slug)
	if code != 0 {
		t.Fatalf("add: %d %s", code, errOut)
	}
	ref := strings.TrimSpace(out)
	code, _, errOut = run(t, "export", "--out", t.TempDir())
	want := `article "` + slug + `": image ` + ref + ` (big.gif), an animated GIF of 11 frames × 2000×2000, is over the 40-million-pixel bound for animations; published as a still`
	if code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("export (%d) warnings lack %q:\n%s", code, want, errOut)
	}
}
