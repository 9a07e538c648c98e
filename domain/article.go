package domain

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Status is an article's place in the editorial workflow.
type Status string

// The workflow: draft → review → published.
const (
	StatusDraft     Status = "draft"
	StatusReview    Status = "review"
	StatusPublished Status = "published"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusReview, StatusPublished:
		return true
	}
	return false
}

// Limits on article fields, generous for long-reads but bounded.
const (
	MaxSlugLen     = 200
	MaxHeadlineLen = 1000
	MaxFieldLen    = 10_000 // standfirst, byline, quote text, notes
	// MaxBodyLen is MaxBodyBytes, under its older name.
	MaxBodyLen = MaxBodyBytes
)

// MaxBodyBytes is the one limit on an article body's size, in bytes (about
// 800,000 words), on every route: the window, import (Markdown and WXR),
// the database and rendering (markup.Parse refuses longer bodies).
const MaxBodyBytes = 5_000_000

// Article is one story with everything that belongs to it.
type Article struct {
	ID          int64
	Slug        string
	Headline    string
	Standfirst  string
	Byline      string
	Body        string // Markdown, with the conventions in body.go
	Status      Status
	PublishedAt time.Time // zero when never published; in the future = embargo
	Keywords    []string  // tags (imported categories and tags), in order
	// Section is the one section the article is filed under; when empty,
	// SectionOf falls back to the first tag.
	Section string
	// Kind is the kind of work (news, analysis, opinion…); empty when
	// not said.
	Kind WorkKind
	// LeadImage is the Ref of the article's lead photo in the media
	// library (see Media); empty when it has none.
	LeadImage string
	FactCheck FactCheck
	Sources   []Source // the article's source register, in order
	Quotes    []Quote  // quote records, in order
	// Corrections is the article's append-only log of corrections,
	// clarifications and updates, oldest first. Stores read it with the
	// article and never write it on save (see Store.AddCorrection).
	Corrections []Correction
	CreatedAt   time.Time
	UpdatedAt   time.Time
	// Version increases on every save; saving with a stale Version fails
	// with ErrConflict.
	Version int64
	// Origin identifies where an imported article came from
	// ("wxr:<guid>", "file:<slug>"); empty for articles written here.
	Origin string
	// Attribution holds the attribution findings stored with the article
	// when it was last saved; read them with AttributionFindings, which
	// ignores a stale copy.
	Attribution StoredFindings
	// StoredDigest is the ContentDigest the store recorded when the
	// article was last saved; empty when unknown.
	StoredDigest string
}

// FactCheck records who checked the article, when, and a digest of the
// text the check covered (see CoveredDigest).
type FactCheck struct {
	Checked bool
	By      string
	At      time.Time
	Digest  string
}

// IsEmbargoed reports whether a published article's publication time is
// still in the future at now.
func (a *Article) IsEmbargoed(now time.Time) bool {
	return a.Status == StatusPublished && a.PublishedAt.After(now)
}

// IsLive reports whether the article may appear on the public site at now.
func (a *Article) IsLive(now time.Time) bool {
	return a.Status == StatusPublished && !a.PublishedAt.After(now)
}

// SourceByName returns the article's source with that name
// (case-insensitive), if any.
func (a *Article) SourceByName(name string) (Source, bool) {
	for _, s := range a.Sources {
		if strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(name)) {
			return s, true
		}
	}
	return Source{}, false
}

// QuoteByRef returns the quote record with that reference, if any.
func (a *Article) QuoteByRef(ref string) (Quote, bool) {
	for _, q := range a.Quotes {
		if q.Ref == ref {
			return q, true
		}
	}
	return Quote{}, false
}

// Validate checks the fields a store must never hold: it returns an error
// wrapping ErrInvalid that names the first offending field.
func (a *Article) Validate() error {
	if err := ValidateSlug(a.Slug); err != nil {
		return err
	}
	if !a.Status.Valid() {
		return Invalidf("status %q is not draft, review or published", a.Status)
	}
	fields := []struct {
		name, value string
		max         int
	}{
		{"headline", a.Headline, MaxHeadlineLen},
		{"standfirst", a.Standfirst, MaxFieldLen},
		{"byline", a.Byline, MaxFieldLen},
		{"body", a.Body, MaxBodyLen},
	}
	for _, f := range fields {
		if !utf8.ValidString(f.value) {
			return Invalidf("%s is not valid UTF-8", f.name)
		}
		if len(f.value) > f.max {
			return Invalidf("%s is %d bytes, over the limit of %d", f.name, len(f.value), f.max)
		}
	}
	if err := a.validateFiling(); err != nil {
		return err
	}
	for i, q := range a.Quotes {
		if err := q.Validate(); err != nil {
			return Invalidf("quote %d: %v", i+1, err)
		}
	}
	for i, s := range a.Sources {
		if err := s.Validate(); err != nil {
			return Invalidf("source %d: %v", i+1, err)
		}
	}
	return nil
}

// ValidateSlug checks that slug is a usable URL path segment: lower-case
// letters, digits and hyphens (any script's letters are allowed).
func ValidateSlug(slug string) error {
	if slug == "" {
		return Invalidf("slug is empty")
	}
	if len(slug) > MaxSlugLen {
		return Invalidf("slug is over %d bytes", MaxSlugLen)
	}
	if !utf8.ValidString(slug) {
		return Invalidf("slug is not valid UTF-8")
	}
	for _, r := range slug {
		if r == '-' || unicode.IsDigit(r) || (unicode.IsLetter(r) && !unicode.IsUpper(r)) {
			continue
		}
		return Invalidf("slug %q may hold only lower-case letters, digits and hyphens", slug)
	}
	if strings.HasPrefix(slug, "-") || strings.HasSuffix(slug, "-") {
		return Invalidf("slug %q may not start or end with a hyphen", slug)
	}
	return nil
}

// Slugify turns a headline into a slug: lower case, words joined by
// hyphens, punctuation dropped, at most 80 bytes. It returns "" when the
// text has no letters or digits.
func Slugify(text string) string { return SlugifyWithin(text, 80) }

// SlugifyWithin is Slugify with a limit of max bytes (none when max <= 0),
// cut at a character boundary.
func SlugifyWithin(text string, max int) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case r == '\'' || r == '’':
			// "Kerry's" → "kerrys"
		default:
			hyphen = true
		}
		if max > 0 && b.Len() >= max {
			break
		}
	}
	s := b.String()
	for max > 0 && len(s) > max {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return strings.Trim(s, "-")
}

// WordCount counts words in Markdown text the way WordPress does for
// reading time: runs of letters or digits, with CJK characters counted
// one word each.
func WordCount(text string) int {
	n := 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’':
			if !inWord {
				n++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return n
}

// WordsPerMinute is WordPress's reading speed.
const WordsPerMinute = 189

// ReadingMinutes returns the reading time for words, rounded up, at least 1
// for any non-empty text.
func ReadingMinutes(words int) int {
	if words <= 0 {
		return 0
	}
	return (words + WordsPerMinute - 1) / WordsPerMinute
}
