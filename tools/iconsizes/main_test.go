package main

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// TestWritesEveryHicolorSize scales the real icon: every size is a PNG
// of that size whose corner is transparent and whose middle is the
// opaque white of the letter, as in the source.
func TestWritesEveryHicolorSize(t *testing.T) {
	out := t.TempDir()
	if err := writeSizes("../../assets/icon.png", out, "newsroom"); err != nil {
		t.Fatal(err)
	}
	for _, size := range Sizes {
		path := filepath.Join(out, fmt.Sprintf("%dx%d", size, size), "apps", "newsroom.png")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if b := img.Bounds(); b.Dx() != size || b.Dy() != size {
			t.Errorf("%s is %dx%d", path, b.Dx(), b.Dy())
		}
		if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
			t.Errorf("%s: corner alpha %d, want transparent", path, a)
		}
		if size >= 32 {
			if r, g, b, a := img.At(size/2, size/2).RGBA(); a != 0xffff || r < 0xe000 || g < 0xe000 || b < 0xe000 {
				t.Errorf("%s: middle is %x %x %x %x, want opaque white", path, r, g, b, a)
			}
		}
	}
}

func TestMissingIconIsAnError(t *testing.T) {
	if err := writeSizes("testdata/missing.png", t.TempDir(), "x"); err == nil {
		t.Error("a missing icon was accepted")
	}
}
