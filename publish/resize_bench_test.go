package publish

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"

	"golang.org/x/image/draw"
)

// cameraSizes are the renditions of a 4000×3000 photo.
var cameraSizes = []image.Point{{480, 360}, {960, 720}, {1600, 1200}}

// BenchmarkRenditions makes the three renditions of a camera-size JPEG
// (4000×3000) as the export does: one decode, box halving, Catmull-Rom,
// each size from the next larger, three JPEG encodes.
func BenchmarkRenditions(b *testing.B) {
	file := testPhoto(b, 4000, 3000, 5)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := makeRenditions(file, "jpeg", cameraSizes, "jpeg"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenditionsNaive is the straightforward way, for comparison:
// Catmull-Rom from the decoded original to each size, decoding it for
// each (as a site generator resizing one size at a time does).
func BenchmarkRenditionsNaive(b *testing.B) {
	file := testPhoto(b, 4000, 3000, 5)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for b.Loop() {
		for _, size := range cameraSizes {
			src, err := jpeg.Decode(bytes.NewReader(file))
			if err != nil {
				b.Fatal(err)
			}
			dst := image.NewRGBA(image.Rect(0, 0, size.X, size.Y))
			draw.CatmullRom.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
			var out bytes.Buffer
			if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: jpegQuality}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDecodeCameraJPEG is the floor: decoding the 4000×3000 file.
func BenchmarkDecodeCameraJPEG(b *testing.B) {
	file := testPhoto(b, 4000, 3000, 5)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := jpeg.Decode(bytes.NewReader(file)); err != nil {
			b.Fatal(err)
		}
	}
}
