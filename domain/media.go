package domain

import (
	"time"
	"unicode/utf8"
)

// Media is one image in the newsroom's media library. The file is stored
// once, keyed by the SHA-256 of its bytes; Ref is the short name bodies
// and articles use for it ({{image REF}} in a body, Article.LeadImage).
type Media struct {
	// Ref is the first 12 hex digits of SHA256; unique in a newsroom.
	Ref string
	// SHA256 is the hex SHA-256 digest of the stored file's bytes.
	SHA256 string
	// Format is the decoded format: "jpeg", "png", "webp" or "gif".
	Format string
	// Width and Height are the image's pixel size (after EXIF orientation).
	Width, Height int
	// Bytes is the stored file's size.
	Bytes int64
	// Filename is the name the file was added under (no folders).
	Filename string
	// Caption, Credit, Creator, Copyright (usage note) and Alt are the
	// editable fields; Caption and Credit appear under the image on the page.
	Caption   string
	Credit    string
	Creator   string
	Copyright string
	Alt       string
	// Title and Description are the image's own name and longer
	// description (a WordPress attachment's title and description); not
	// shown on the page, kept for the library.
	Title       string
	Description string
	// SourceURL is where the file came from (a WordPress attachment's URL,
	// a photographer's link); empty when added from a local file.
	SourceURL string
	// FocalX and FocalY are the focal point as fractions of width and
	// height (0..1); 0.5, 0.5 is the centre and the default.
	FocalX, FocalY float64
	// Embedded holds what was read from the file's own metadata (IPTC,
	// XMP, EXIF) when it was added, by field name ("caption", "credit",
	// "creator", "copyright", "headline", "date", "camera" …); kept as
	// read, even when the editable fields above are changed later.
	Embedded map[string]string
	// Origin identifies an imported image ("wxr:<attachment guid>",
	// "file:<path in the imported folder>"); empty when added here.
	Origin    string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MediaRefLength is the number of hex digits of the SHA-256 a Ref keeps.
const MediaRefLength = 12

// MediaRefOf returns the Ref of a file with the given hex SHA-256 digest.
func MediaRefOf(sha256Hex string) string {
	if len(sha256Hex) < MediaRefLength {
		return sha256Hex
	}
	return sha256Hex[:MediaRefLength]
}

// MediaFormats are the image formats the library holds.
var MediaFormats = []string{"jpeg", "png", "webp", "gif"}

// MaxMediaFieldLen bounds each of a media record's text fields.
const MaxMediaFieldLen = 10_000

// Validate checks the fields a store must never hold: a known format, a
// positive size, a focal point inside the image and text fields of valid
// UTF-8 within MaxMediaFieldLen. It returns an error wrapping ErrInvalid.
func (m *Media) Validate() error {
	known := false
	for _, f := range MediaFormats {
		known = known || m.Format == f
	}
	if !known {
		return Invalidf("image format %q is not one of jpeg, png, webp, gif", m.Format)
	}
	if m.Width <= 0 || m.Height <= 0 {
		return Invalidf("image size %d × %d is not positive", m.Width, m.Height)
	}
	if !(m.FocalX >= 0 && m.FocalX <= 1 && m.FocalY >= 0 && m.FocalY <= 1) {
		return Invalidf("focal point %g, %g is outside 0..1", m.FocalX, m.FocalY)
	}
	for _, f := range []struct{ name, value string }{
		{"filename", m.Filename}, {"caption", m.Caption}, {"credit", m.Credit}, {"creator", m.Creator},
		{"copyright", m.Copyright}, {"alt", m.Alt}, {"title", m.Title}, {"description", m.Description},
		{"source URL", m.SourceURL}, {"origin", m.Origin},
	} {
		if !utf8.ValidString(f.value) {
			return Invalidf("%s is not valid UTF-8", f.name)
		}
		if len(f.value) > MaxMediaFieldLen {
			return Invalidf("%s is %d bytes, over the limit of %d", f.name, len(f.value), MaxMediaFieldLen)
		}
	}
	return nil
}
