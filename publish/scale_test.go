package publish

import (
	"bytes"
	"image"
	"math/rand"
	"testing"

	"golang.org/x/image/draw"
)

// randomRGBA is a w×h image of random premultiplied pixels (some
// transparent, some opaque), at min.
func randomRGBA(rng *rand.Rand, min image.Point, w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rectangle{min, min.Add(image.Point{w, h})})
	for i := 0; i < len(img.Pix); i += 4 {
		a := uint8(255)
		switch rng.Intn(4) {
		case 0:
			a = uint8(rng.Intn(256))
		case 1:
			a = 0
		}
		for c := range 3 {
			img.Pix[i+c] = uint8(rng.Intn(int(a) + 1))
		}
		img.Pix[i+3] = a
	}
	return img
}

// TestScaleCatmullRomMatchesXImage checks that the banded scaler makes
// the very bytes x/image's Catmull-Rom scaler makes: shrinking and
// enlarging, by odd factors, from part of an image not at the origin,
// to sizes of fewer and more rows than a band, with transparency.
func TestScaleCatmullRomMatchesXImage(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	cases := []struct {
		name       string
		src        *image.RGBA
		sr         image.Rectangle
		dstW, dstH int
	}{
		{"shrink by 1.25", randomRGBA(rng, image.Point{}, 400, 300), image.Rect(0, 0, 400, 300), 320, 240},
		{"shrink odd", randomRGBA(rng, image.Point{}, 333, 257), image.Rect(0, 0, 333, 257), 97, 131},
		{"enlarge", randomRGBA(rng, image.Point{}, 40, 30), image.Rect(0, 0, 40, 30), 123, 201},
		{"crop not at origin", randomRGBA(rng, image.Point{5, 9}, 300, 200), image.Rect(31, 40, 281, 171), 120, 63},
		{"one row", randomRGBA(rng, image.Point{}, 50, 1), image.Rect(0, 0, 50, 1), 20, 1},
		{"to one pixel", randomRGBA(rng, image.Point{}, 9, 7), image.Rect(0, 0, 9, 7), 1, 1},
		{"band boundary", randomRGBA(rng, image.Point{}, 200, 2*scaleBandRows+3), image.Rect(0, 0, 200, 2*scaleBandRows+3), 150, scaleBandRows + 1},
	}
	for _, c := range cases {
		want := image.NewRGBA(image.Rect(0, 0, c.dstW, c.dstH))
		draw.CatmullRom.Scale(want, want.Rect, c.src, c.sr, draw.Src, nil)
		got := image.NewRGBA(image.Rect(0, 0, c.dstW, c.dstH))
		scaleCatmullRom(got, c.src, c.sr)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("%s: pixels differ from x/image's", c.name)
		}
	}
}

// BenchmarkScaleCatmullRom makes a camera photo's largest rendition from
// its halved image (2000×1500 to 1600×1200): the banded scaler against
// x/image's, whose buffer is 77 MB.
func BenchmarkScaleCatmullRom(b *testing.B) {
	src := randomRGBA(rand.New(rand.NewSource(1)), image.Point{}, 2000, 1500)
	dst := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	b.Run("banded", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			scaleCatmullRom(dst, src, src.Rect)
		}
	})
	b.Run("x-image", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			draw.CatmullRom.Scale(dst, dst.Rect, src, src.Rect, draw.Src, nil)
		}
	})
}
