package publish

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
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

// BenchmarkRenditionsWithCard is BenchmarkRenditions with the lead
// image's social card cut from the same decode.
func BenchmarkRenditionsWithCard(b *testing.B) {
	file := testPhoto(b, 4000, 3000, 5)
	img := &resolvedImage{Media: libraryImage(file, "jpeg", 4000, 3000, "", "", ""), Format: "jpeg"}
	img.Renditions = renditionsOf(img.Media, "jpeg")
	card := cardOf(img)
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := makeImageFiles(file, "jpeg", cameraSizes, "jpeg", card); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnimatedGIFRenditions makes the 480 and 500 pixel renditions
// of a 500×400 animated GIF of 50 frames (10 million frame pixels, a
// quarter of maxAnimatedPixels).
func BenchmarkAnimatedGIFRenditions(b *testing.B) {
	pal := color.Palette{}
	for i := 0; i < 255; i++ {
		pal = append(pal, color.RGBA{uint8(i), uint8(255 - i), uint8(i * 7), 255})
	}
	g := &gif.GIF{Config: image.Config{ColorModel: pal, Width: 500, Height: 400}}
	for f := 0; f < 50; f++ {
		p := image.NewPaletted(image.Rect(0, 0, 500, 400), pal)
		for i := range p.Pix {
			p.Pix[i] = uint8((i/500 + i%500 + f*5) % 255)
		}
		g.Image, g.Delay, g.Disposal = append(g.Image, p), append(g.Delay, 4), append(g.Disposal, gif.DisposalNone)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, g); err != nil {
		b.Fatal(err)
	}
	file := buf.Bytes()
	b.SetBytes(int64(len(file)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := makeGIFRenditions(file, []image.Point{{480, 384}, {500, 400}}); err != nil {
			b.Fatal(err)
		}
	}
}
