package publish

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand"
	"sync/atomic"
	"testing"

	"newsroom/domain"
)

// testPhoto is a photo-like JPEG of w×h pixels: gradients, shapes and
// noise from seed, so it does not compress trivially.
func testPhoto(t testing.TB, w, h int, seed int64) []byte {
	t.Helper()
	img := photoImage(w, h, seed)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// photoImage draws the picture testPhoto encodes.
func photoImage(w, h int, seed int64) *image.RGBA {
	rng := rand.New(rand.NewSource(seed))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r0, g0, b0 := rng.Intn(200), rng.Intn(200), rng.Intn(200)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := rng.Intn(17) - 8
			i := img.PixOffset(x, y)
			img.Pix[i] = clamp8(r0 + 55*x/w + n)
			img.Pix[i+1] = clamp8(g0 + 55*y/h + n)
			img.Pix[i+2] = clamp8(b0 + 55*(x+y)/(w+h) + n)
			img.Pix[i+3] = 0xFF
		}
	}
	for k := 0; k < 12; k++ {
		cx, cy, rad := rng.Intn(w), rng.Intn(h), 1+rng.Intn(max(1, min(w, h)/4))
		c := color.RGBA{uint8(rng.Intn(256)), uint8(rng.Intn(256)), uint8(rng.Intn(256)), 0xFF}
		for y := max(0, cy-rad); y < min(h, cy+rad); y++ {
			for x := max(0, cx-rad); x < min(w, cx+rad); x++ {
				if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= rad*rad {
					img.SetRGBA(x, y, c)
				}
			}
		}
	}
	return img
}

func clamp8(v int) uint8 { return uint8(max(0, min(255, v))) }

// withOrientation returns a JPEG file with an EXIF APP1 segment recording
// orientation o inserted after its SOI marker.
func withOrientation(jpg []byte, o int) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
	binary.BigEndian.PutUint16(tiff[18:], uint16(o))
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(seg)+2))
	out := append([]byte{}, jpg[:2]...)
	out = append(out, app1...)
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// testPNG encodes img as PNG.
func testPNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// libraryImage makes the media record of file data (w×h upright).
func libraryImage(data []byte, format string, w, h int, caption, credit, alt string) domain.Media {
	sum := sha256.Sum256(data)
	digest := hex.EncodeToString(sum[:])
	return domain.Media{Ref: domain.MediaRefOf(digest), SHA256: digest, Format: format, Width: w, Height: h,
		Bytes: int64(len(data)), Filename: "photo." + format, Caption: caption, Credit: credit, Alt: alt, FocalX: 0.5, FocalY: 0.5}
}

// mediaFakeSource is fakeSource with a media library that counts how
// often files are read.
type mediaFakeSource struct {
	*fakeSource
	library map[string]domain.Media
	files   map[string][]byte
	reads   atomic.Int64
}

func newMediaFakeSource(f *fakeSource) *mediaFakeSource {
	return &mediaFakeSource{fakeSource: f, library: map[string]domain.Media{}, files: map[string][]byte{}}
}

// add puts an image in the library and returns its record.
func (m *mediaFakeSource) add(data []byte, md domain.Media) domain.Media {
	m.library[md.Ref], m.files[md.Ref] = md, data
	return md
}

func (m *mediaFakeSource) mem() *MemorySource {
	return &MemorySource{Library: m.library, MediaFiles: m.files}
}

func (m *mediaFakeSource) Media(ctx context.Context, ref string) (domain.Media, error) {
	return m.mem().Media(ctx, ref)
}

func (m *mediaFakeSource) MediaData(ctx context.Context, ref string) ([]byte, error) {
	m.reads.Add(1)
	return m.mem().MediaData(ctx, ref)
}
