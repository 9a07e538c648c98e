// Package photo validates and describes an image from its bytes, before
// the media library stores it: the real format (sniffed, never taken from
// the file name), the pixel size after EXIF orientation, bounds on file
// size and pixel count checked before any pixels are decoded, and the
// caption, credit, creator and copyright photographers embed (IPTC IIM,
// XMP, EXIF). It does no I/O beyond the reader it is given.
package photo

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // GIF decoder for image.DecodeConfig and image.Decode
	_ "image/jpeg" // JPEG decoder
	_ "image/png"  // PNG decoder
	"io"
	"os"
	"path/filepath"
	"strings"

	_ "golang.org/x/image/webp" // WebP decoder

	"newsroom/domain"
)

// Limits bound what an image may cost to take in.
type Limits struct {
	// MaxBytes is the largest file accepted.
	MaxBytes int64
	// MaxPixels is the largest width × height accepted; checked from the
	// header before any pixel is decoded (a decompression bomb).
	MaxPixels int64
}

// DefaultLimits are 50 MB and 100 megapixels.
var DefaultLimits = Limits{MaxBytes: 50 << 20, MaxPixels: 100_000_000}

// Info describes an accepted image.
type Info struct {
	// Format is "jpeg", "png", "webp" or "gif".
	Format string
	// Width and Height are the displayed size: EXIF orientations 5–8
	// (rotated a quarter turn) swap the stored width and height.
	Width, Height int
	// Orientation is the EXIF orientation (1–8), 1 when none is recorded.
	Orientation int
	// Bytes is the file's size.
	Bytes int64
	// Embedded is the metadata read from the file ("caption", "credit",
	// "creator", "copyright", "alt", "headline", "title", "source",
	// "usage", "date", "camera"); see Metadata.
	Embedded map[string]string
}

// ErrRefused is wrapped by every refusal of an image's bytes (together
// with domain.ErrInvalid): errors.Is(err, photo.ErrRefused).
var ErrRefused = errors.New("image refused")

// refuse returns an error wrapping ErrRefused and domain.ErrInvalid.
func refuse(name, format string, args ...any) error {
	return fmt.Errorf("%s: %w: %w: %s", name, ErrRefused, domain.ErrInvalid, fmt.Sprintf(format, args...))
}

// ReadFile reads and describes the image at path, refusing a file over
// lim.MaxBytes before reading it.
func ReadFile(path string, lim Limits) ([]byte, Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Info{}, fmt.Errorf("open image: %w", err)
	}
	defer f.Close()
	name := filepath.Base(path)
	if st, err := f.Stat(); err == nil {
		if !st.Mode().IsRegular() {
			return nil, Info{}, refuse(name, "not a regular file")
		}
		if st.Size() > lim.MaxBytes {
			return nil, Info{}, refuse(name, "the file is %s, over the limit of %s", sizeText(st.Size()), sizeText(lim.MaxBytes))
		}
	}
	return Read(f, name, lim)
}

// Read reads at most lim.MaxBytes from r (memory stays bounded whatever
// r holds) and describes the image; name is the file's name, whose
// extension must agree with the real format.
func Read(r io.Reader, name string, lim Limits) ([]byte, Info, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.MaxBytes+1))
	if err != nil {
		return nil, Info{}, fmt.Errorf("%s: read image: %w", name, err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, Info{}, refuse(name, "the file is over the limit of %s", sizeText(lim.MaxBytes))
	}
	info, err := Describe(data, name, lim)
	if err != nil {
		return nil, Info{}, err
	}
	return data, info, nil
}

// Describe checks data (the whole file) and describes it. It refuses,
// with an error naming the reason: an empty or too large file, SVG (it can
// carry script), a format other than JPEG, PNG, WebP or GIF, a name whose
// extension says another format, more pixels than lim.MaxPixels (read from
// the header, nothing decoded) and a file whose pixels do not decode
// (damaged or cut short).
func Describe(data []byte, name string, lim Limits) (Info, error) {
	if len(data) == 0 {
		return Info{}, refuse(name, "the file is empty")
	}
	if int64(len(data)) > lim.MaxBytes {
		return Info{}, refuse(name, "the file is %s, over the limit of %s", sizeText(int64(len(data))), sizeText(lim.MaxBytes))
	}
	format, err := Sniff(data)
	if err != nil {
		return Info{}, fmt.Errorf("%s: %w", name, err)
	}
	if err := checkExtension(name, format); err != nil {
		return Info{}, err
	}
	cfg, decoded, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Info{}, refuse(name, "the %s header is damaged: %v", formatName(format), err)
	}
	if decoded != format {
		return Info{}, refuse(name, "the file looks like %s but decodes as %s", formatName(format), decoded)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return Info{}, refuse(name, "the image has no pixels (%d × %d)", cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > lim.MaxPixels {
		return Info{}, refuse(name, "the image is %d × %d pixels (%.1f megapixels), over the limit of %.0f megapixels",
			cfg.Width, cfg.Height, float64(px)/1e6, float64(lim.MaxPixels)/1e6)
	}
	// The size is bounded now: decoding every pixel finds a damaged or
	// cut-short file before it is stored.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return Info{}, refuse(name, "the %s image is damaged or cut short: %v", formatName(format), err)
	}
	meta := Metadata(format, data)
	info := Info{Format: format, Width: cfg.Width, Height: cfg.Height, Orientation: meta.Orientation,
		Bytes: int64(len(data)), Embedded: meta.Fields}
	if info.Orientation >= 5 && info.Orientation <= 8 {
		info.Width, info.Height = info.Height, info.Width
	}
	return info, nil
}

// Sniff names the format of data from its first bytes: "jpeg", "png",
// "webp" or "gif". SVG and every other format are refused with a message
// saying what the file is.
func Sniff(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpeg", nil
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png", nil
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "gif", nil
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "webp", nil
	case looksLikeSVG(data):
		return "", fmt.Errorf("%w: %w: SVG images are not accepted: an SVG file can carry script; export it as PNG", ErrRefused, domain.ErrInvalid)
	}
	what := "not an image Newsroom reads"
	switch {
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		what = "a HEIC/AVIF or video file"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		what = "a TIFF (or camera raw) file"
	case bytes.HasPrefix(data, []byte("BM")):
		what = "a BMP file"
	case bytes.HasPrefix(data, []byte("%PDF")):
		what = "a PDF file"
	}
	return "", fmt.Errorf("%w: %w: the file is %s; Newsroom takes JPEG, PNG, WebP and GIF", ErrRefused, domain.ErrInvalid, what)
}

// looksLikeSVG reports whether data starts (after a byte-order mark,
// blanks, an XML declaration, comments or a doctype) with an <svg element.
func looksLikeSVG(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	text := strings.ToLower(string(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))))
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "<") {
		return false
	}
	return strings.Contains(text, "<svg")
}

// extensions lists the file name endings each format may carry.
var extensions = map[string][]string{
	"jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
	"png":  {".png"},
	"gif":  {".gif"},
	"webp": {".webp"},
}

// checkExtension refuses a name whose extension says another format than
// the bytes are (a name without an extension is accepted).
func checkExtension(name, format string) error {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == "" {
		return nil
	}
	for _, e := range extensions[format] {
		if ext == e {
			return nil
		}
	}
	return refuse(name, "the file is a %s image but its name ends %s; rename it to end %s",
		formatName(format), filepath.Ext(name), extensions[format][0])
}

// formatName is the format's usual written name.
func formatName(format string) string {
	switch format {
	case "jpeg":
		return "JPEG"
	case "png":
		return "PNG"
	case "gif":
		return "GIF"
	case "webp":
		return "WebP"
	}
	return format
}

// sizeText writes a byte count in MB (or bytes when small).
func sizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d bytes", n)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// Media returns a library record for the image, prefilled with the
// embedded caption, credit, creator, copyright and alt text; filename is
// kept without folders.
func (i Info) Media(filename string) domain.Media {
	e := i.Embedded
	if filename != "" {
		filename = filepath.Base(filename)
	}
	return domain.Media{Format: i.Format, Width: i.Width, Height: i.Height, Bytes: i.Bytes,
		Filename: filename, Caption: e["caption"], Credit: e["credit"], Creator: e["creator"],
		Copyright: e["copyright"], Alt: e["alt"], Title: e["title"], FocalX: 0.5, FocalY: 0.5, Embedded: e}
}
