package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"newsroom/domain"
)

// testImage is a small picture with some detail.
func testImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 7), uint8(y * 5), uint8(x + y), 255})
		}
	}
	return img
}

func encodePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, testImage(w, h)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, testImage(w, h), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeGIF(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gif.Encode(&b, testImage(w, h), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// pngChunk frames one PNG chunk with its CRC.
func pngChunk(typ string, body []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(body)))
	b.WriteString(typ)
	b.Write(body)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), body...)))
	return b.Bytes()
}

// pngBomb is a valid PNG header claiming w × h pixels, with a tiny IDAT:
// a few hundred bytes that would take w*h*4 bytes to decode.
func pngBomb(w, h uint32) []byte {
	var ihdr bytes.Buffer
	binary.Write(&ihdr, binary.BigEndian, w)
	binary.Write(&ihdr, binary.BigEndian, h)
	ihdr.Write([]byte{8, 6, 0, 0, 0}) // 8-bit RGBA
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr.Bytes())...)
	out = append(out, pngChunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})...)
	return append(out, pngChunk("IEND", nil)...)
}

// jpegWithSize rewrites the frame size in a baseline JPEG's SOF0 header.
func jpegWithSize(t *testing.T, data []byte, w, h uint16) []byte {
	t.Helper()
	out := append([]byte(nil), data...)
	i := bytes.Index(out, []byte{0xFF, 0xC0})
	if i < 0 {
		t.Fatal("no SOF0 in the test JPEG")
	}
	binary.BigEndian.PutUint16(out[i+5:], h)
	binary.BigEndian.PutUint16(out[i+7:], w)
	return out
}

// cutAfterScanStart cuts a JPEG a little after its scan begins: the
// header is whole, the pixels are not.
func cutAfterScanStart(t *testing.T, data []byte) []byte {
	t.Helper()
	i := bytes.Index(data, []byte{0xFF, 0xDA})
	if i < 0 || i+100 > len(data) {
		t.Fatal("no scan in the test JPEG")
	}
	return data[:i+100]
}

func TestDescribeAccepts(t *testing.T) {
	cases := []struct {
		name          string
		data          []byte
		format        string
		width, height int
		orientation   int
		fields        map[string]string
	}{
		{"generated.png", encodePNG(t, 30, 20), "png", 30, 20, 1, map[string]string{}},
		{"generated.jpg", encodeJPEG(t, 33, 21), "jpeg", 33, 21, 1, map[string]string{}},
		{"generated.gif", encodeGIF(t, 12, 9), "gif", 12, 9, 1, map[string]string{}},
		{"no-extension", encodePNG(t, 5, 4), "png", 5, 4, 1, map[string]string{}},
		{"small.webp", readTestdata(t, "small.webp"), "webp", 20, 10, 1, map[string]string{}},
		{"lossless.webp", readTestdata(t, "lossless.webp"), "webp", 20, 10, 1,
			map[string]string{"caption": "A WebP with XMP", "credit": "WebP Credit"}},
		// Written by exiftool: EXIF, IPTC IIM and XMP, orientation 6 (a
		// quarter turn), so the 64 × 48 pixels display 48 × 64.
		{"camera.jpg", readTestdata(t, "camera.jpg"), "jpeg", 48, 64, 6, map[string]string{
			"caption":   "Fishermen unload the catch at Ōarai harbour", // XMP over EXIF's "Exif description"
			"credit":    "Ann Photographer / Agency",                   // XMP photoshop:Credit over IPTC 2:110
			"creator":   "Ann Photographer",                            // XMP over EXIF Artist
			"copyright": "© 2026 Agency",                               // XMP over EXIF Copyright
			"alt":       "Two fishermen lift a crate of fish onto a quay",
			"usage":     "Editorial use only",
			"headline":  "Harbour at dawn", // IPTC only
			"title":     "harbour-0930",    // IPTC 2:05
			"date":      "2026:11:30 09:15:00",
			"camera":    "Canon EOS R5",
		}},
		{"iptc-only.jpg", readTestdata(t, "iptc-only.jpg"), "jpeg", 48, 32, 1, map[string]string{
			"caption": "Only IIM here", "credit": "Wire Service", "creator": "First Shooter; Second Shooter"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Describe(tc.data, tc.name, DefaultLimits)
			if err != nil {
				t.Fatalf("Describe: %v", err)
			}
			if info.Format != tc.format || info.Width != tc.width || info.Height != tc.height || info.Orientation != tc.orientation {
				t.Fatalf("got %s %d×%d orientation %d, want %s %d×%d orientation %d", info.Format, info.Width, info.Height,
					info.Orientation, tc.format, tc.width, tc.height, tc.orientation)
			}
			if info.Bytes != int64(len(tc.data)) {
				t.Errorf("Bytes %d, want %d", info.Bytes, len(tc.data))
			}
			for k, want := range tc.fields {
				if got := info.Embedded[k]; got != want {
					t.Errorf("embedded %s = %q, want %q", k, got, want)
				}
			}
			if len(info.Embedded) != len(tc.fields) {
				t.Errorf("embedded fields %v, want exactly %v", info.Embedded, tc.fields)
			}
		})
	}
}

func TestInfoMediaPrefillsFromEmbedded(t *testing.T) {
	info, err := Describe(readTestdata(t, "camera.jpg"), "camera.jpg", DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	m := info.Media("/home/ann/Pictures/camera.jpg")
	if m.Filename != "camera.jpg" || m.Format != "jpeg" || m.Width != 48 || m.Height != 64 {
		t.Fatalf("record %+v", m)
	}
	if m.Caption != "Fishermen unload the catch at Ōarai harbour" || m.Credit != "Ann Photographer / Agency" ||
		m.Creator != "Ann Photographer" || m.Copyright != "© 2026 Agency" || m.Alt != "Two fishermen lift a crate of fish onto a quay" {
		t.Fatalf("fields not prefilled: %+v", m)
	}
	if m.Embedded["headline"] != "Harbour at dawn" || m.Title != "harbour-0930" {
		t.Fatalf("embedded not kept: %v", m.Embedded)
	}
	if err := m.Validate(); err != nil {
		t.Fatalf("prefilled record is invalid: %v", err)
	}
}

func TestDescribeRefuses(t *testing.T) {
	jpg := encodeJPEG(t, 40, 30)
	pngData := encodePNG(t, 40, 30)
	cases := []struct {
		name, file string
		data       []byte
		says       string
	}{
		{"empty", "empty.png", nil, "empty"},
		{"svg", "logo.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "SVG"},
		{"svg named png", "logo.png", []byte("\xEF\xBB\xBF  <svg onload=\"alert(1)\"></svg>"), "script"},
		{"html", "page.jpg", []byte("<html><body>hi</body></html>"), "not an image"},
		{"bmp", "old.bmp", []byte("BM\x00\x00\x00\x00\x00\x00"), "BMP"},
		{"heic", "phone.heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"), "HEIC"},
		{"png named jpg", "photo.jpg", pngData, "PNG image but its name ends .jpg"},
		{"jpeg named png", "photo.PNG", jpg, "rename it to end .jpg"},
		{"png bomb", "bomb.png", pngBomb(50000, 50000), "50000 × 50000"},
		{"jpeg bomb", "bomb.jpg", jpegWithSize(t, jpg, 60000, 60000), "megapixels"},
		{"truncated jpeg", "cut.jpg", cutAfterScanStart(t, encodeJPEG(t, 200, 150)), "damaged"},
		{"truncated png", "cut.png", pngData[:len(pngData)-30], "damaged"},
		{"damaged png header", "bad.png", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0xAB}, 40)...), "damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Describe(tc.data, tc.file, DefaultLimits)
			if err == nil {
				t.Fatal("accepted")
			}
			if !errors.Is(err, ErrRefused) || !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrRefused and ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tc.says) {
				t.Errorf("error %q does not say %q", err, tc.says)
			}
		})
	}
}

func TestBombRefusedWithoutAllocatingItsPixels(t *testing.T) {
	bomb := pngBomb(50000, 50000) // 10 GB of RGBA in a file of under 100 bytes
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := Describe(bomb, "bomb.png", DefaultLimits)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrRefused) {
		t.Fatalf("Describe(bomb) = %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Fatalf("refusing the bomb allocated %d bytes", grew)
	}
}

func TestPixelLimitIsConfigurable(t *testing.T) {
	data := encodePNG(t, 100, 100)
	if _, err := Describe(data, "a.png", Limits{MaxBytes: 1 << 20, MaxPixels: 9_999}); !errors.Is(err, ErrRefused) {
		t.Fatalf("10,000 pixels under a 9,999 limit: %v", err)
	}
	if _, err := Describe(data, "a.png", Limits{MaxBytes: 1 << 20, MaxPixels: 10_000}); err != nil {
		t.Fatalf("10,000 pixels at a 10,000 limit: %v", err)
	}
	if _, err := Describe(data, "a.png", Limits{MaxBytes: int64(len(data) - 1), MaxPixels: 1e8}); !errors.Is(err, ErrRefused) {
		t.Fatalf("one byte over the size limit accepted: %v", err)
	}
}

// countingReader yields n bytes (a JPEG start, then zeros) and counts
// what was read.
type countingReader struct {
	left, read int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	for i := range p {
		p[i] = 0
	}
	if r.read == 0 && len(p) >= 3 {
		copy(p, []byte{0xFF, 0xD8, 0xFF})
	}
	r.left -= int64(len(p))
	r.read += int64(len(p))
	return len(p), nil
}

func TestReadRefusesA200MBStreamWithBoundedMemory(t *testing.T) {
	r := &countingReader{left: 200 << 20}
	_, _, err := Read(r, "huge.jpg", DefaultLimits)
	if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "over the limit of 50.0 MB") {
		t.Fatalf("Read(200 MB) = %v, want a refusal over the 50 MB limit", err)
	}
	if r.read > DefaultLimits.MaxBytes+1 {
		t.Fatalf("read %d bytes of a 200 MB stream; the limit is %d", r.read, DefaultLimits.MaxBytes)
	}
}

func TestReadFileRefusesALargeFileBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.jpg")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte{0xFF, 0xD8, 0xFF})
	if err := f.Truncate(200 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	if _, _, err := ReadFile(path, DefaultLimits); !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "200.0 MB") {
		t.Fatalf("ReadFile(200 MB) = %v, want a refusal naming its size", err)
	}
	good := filepath.Join(t.TempDir(), "ok.gif")
	if err := os.WriteFile(good, encodeGIF(t, 3, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	data, info, err := ReadFile(good, DefaultLimits)
	if err != nil || info.Format != "gif" || len(data) == 0 {
		t.Fatalf("ReadFile(ok.gif) = %v, %+v", err, info)
	}
}
