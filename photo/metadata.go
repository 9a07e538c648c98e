package photo

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Meta is what an image file says about itself.
type Meta struct {
	// Orientation is the EXIF orientation, 1 when none is recorded.
	Orientation int
	// Fields maps a field name to its value: "caption", "credit",
	// "creator", "copyright", "alt", "headline", "title", "source",
	// "usage", "date", "camera". Where several blocks hold a field, XMP
	// wins over IPTC IIM, which wins over EXIF (the order photo desks'
	// tools write them in: XMP is the newest and holds Unicode).
	Fields map[string]string
}

// blocks are the raw metadata blocks of a file.
type blocks struct {
	exif, xmp, iptc []byte
}

// Metadata reads the embedded metadata of an image of the given format.
// Unreadable metadata is left out; it never fails.
func Metadata(format string, data []byte) Meta {
	var b blocks
	switch format {
	case "jpeg":
		b = jpegBlocks(data)
	case "png":
		b = pngBlocks(data)
	case "webp":
		b = webpBlocks(data)
	}
	m := Meta{Orientation: 1, Fields: map[string]string{}}
	layers := []map[string]string{}
	if b.xmp != nil {
		layers = append(layers, parseXMP(b.xmp))
	}
	if b.iptc != nil {
		layers = append(layers, parseIPTC(b.iptc))
	}
	if b.exif != nil {
		fields, orientation := parseEXIF(b.exif)
		layers = append(layers, fields)
		if orientation >= 1 && orientation <= 8 {
			m.Orientation = orientation
		}
	}
	for _, layer := range layers {
		for k, v := range layer {
			v = cleanValue(v)
			if _, taken := m.Fields[k]; !taken && v != "" {
				m.Fields[k] = v
			}
		}
	}
	return m
}

// maxValueLen bounds one embedded value (a caption is rarely 2,000 bytes).
const maxValueLen = 4000

// cleanValue trims v, drops invalid UTF-8 and control characters (but
// keeps line breaks) and bounds its length.
func cleanValue(v string) string {
	v = strings.ToValidUTF8(v, "")
	v = strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if r == '\r' || r == '\t' {
			return ' '
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, v)
	v = strings.TrimSpace(v)
	if len(v) > maxValueLen {
		cut := maxValueLen
		for cut > 0 && !utf8.RuneStart(v[cut]) {
			cut--
		}
		v = v[:cut]
	}
	return v
}

// JPEG marker prefixes of the metadata segments.
var (
	exifPrefix      = []byte("Exif\x00\x00")
	xmpPrefix       = []byte("http://ns.adobe.com/xap/1.0/\x00")
	photoshopPrefix = []byte("Photoshop 3.0\x00")
)

// jpegBlocks walks the JPEG's segments up to the start of the scan.
func jpegBlocks(data []byte) blocks {
	var b blocks
	i := 2 // after SOI
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return b
		}
		marker := data[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		if marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return b
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return b
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xE1 && bytes.HasPrefix(seg, exifPrefix) && b.exif == nil:
			b.exif = seg[len(exifPrefix):]
		case marker == 0xE1 && bytes.HasPrefix(seg, xmpPrefix) && b.xmp == nil:
			b.xmp = seg[len(xmpPrefix):]
		case marker == 0xED && bytes.HasPrefix(seg, photoshopPrefix):
			if iim := photoshopIPTC(seg[len(photoshopPrefix):]); iim != nil && b.iptc == nil {
				b.iptc = iim
			}
		}
		i += 2 + n
	}
	return b
}

// photoshopIPTC returns the IPTC IIM block (image resource 0x0404) of a
// Photoshop image-resource block, or nil.
func photoshopIPTC(res []byte) []byte {
	for i := 0; i+12 <= len(res); {
		if string(res[i:i+4]) != "8BIM" {
			return nil
		}
		id := binary.BigEndian.Uint16(res[i+4:])
		nameLen := int(res[i+6])
		j := i + 7 + nameLen
		if (nameLen+1)%2 == 1 { // the Pascal name is padded to an even length
			j++
		}
		if j+4 > len(res) {
			return nil
		}
		size := int(binary.BigEndian.Uint32(res[j:]))
		j += 4
		if size < 0 || j+size > len(res) {
			return nil
		}
		if id == 0x0404 {
			return res[j : j+size]
		}
		i = j + size + size%2
	}
	return nil
}

// pngBlocks reads the eXIf chunk and the XMP iTXt chunk of a PNG.
func pngBlocks(data []byte) blocks {
	var b blocks
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if n < 0 || i+12+n > len(data) {
			return b
		}
		body := data[i+8 : i+8+n]
		switch typ {
		case "eXIf":
			b.exif = body
		case "iTXt":
			if kw, rest, ok := bytes.Cut(body, []byte{0}); ok && string(kw) == "XML:com.adobe.xmp" && len(rest) >= 2 && rest[0] == 0 {
				// compression flag 0, method, then language and translated keyword, each NUL-ended
				parts := bytes.SplitN(rest[2:], []byte{0}, 3)
				if len(parts) == 3 {
					b.xmp = parts[2]
				}
			}
		case "IEND":
			return b
		}
		i += 12 + n
	}
	return b
}

// webpBlocks reads the EXIF and XMP chunks of a WebP (RIFF) file.
func webpBlocks(data []byte) blocks {
	var b blocks
	for i := 12; i+8 <= len(data); {
		typ := string(data[i : i+4])
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		if n < 0 || i+8+n > len(data) {
			return b
		}
		body := data[i+8 : i+8+n]
		switch typ {
		case "EXIF":
			b.exif = bytes.TrimPrefix(body, exifPrefix)
		case "XMP ":
			b.xmp = body
		}
		i += 8 + n + n%2
	}
	return b
}
