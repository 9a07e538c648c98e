package domain

import "unicode/utf8"

// SourceKind classifies where information came from.
type SourceKind string

// Kinds of source.
const (
	SourceNewspaper  SourceKind = "newspaper"
	SourceNewsAgency SourceKind = "news-agency"
	SourceStateMedia SourceKind = "state-media"
	SourceOfficial   SourceKind = "official-statement"
	SourcePerson     SourceKind = "person"
	SourceDocument   SourceKind = "document"
	SourceAnonymous  SourceKind = "anonymous"
)

// SourceKinds lists every kind, in the order a picker shows them.
var SourceKinds = []SourceKind{SourceNewspaper, SourceNewsAgency, SourceStateMedia, SourceOfficial, SourcePerson, SourceDocument, SourceAnonymous}

// Valid reports whether k is a known kind.
func (k SourceKind) Valid() bool {
	for _, known := range SourceKinds {
		if k == known {
			return true
		}
	}
	return false
}

// Source is an entry of the source register, shared across articles.
type Source struct {
	ID   int64
	Name string // "The Guardian", "Reuters", "US State Department"
	Kind SourceKind
	URL  string
	Note string // private: how reliable, how reached; never published
}

// Validate checks a source's fields.
func (s Source) Validate() error {
	if s.Name == "" {
		return Invalidf("source name is empty")
	}
	if !s.Kind.Valid() {
		return Invalidf("source kind %q is not one of newspaper, news-agency, state-media, official-statement, person, document, anonymous", s.Kind)
	}
	for _, v := range []string{s.Name, s.URL, s.Note} {
		if !utf8.ValidString(v) || len(v) > MaxFieldLen {
			return Invalidf("source %q has a field that is not valid UTF-8 or is too long", s.Name)
		}
	}
	return nil
}

// Quote is a structured quotation record. Ref names it in the body
// (see QuoteMarker); editing the record changes every place it appears.
type Quote struct {
	ID      int64
	Ref     string // per-article, [a-z0-9-]+, e.g. "harf"
	Text    string
	Speaker string // "Marie Harf"
	Role    string // "State Department spokeswoman"
	Context string // "in a written statement"
	Source  string // name of a source in the article's register, or ""
}

// Validate checks a quote's fields.
func (q Quote) Validate() error {
	if q.Ref == "" {
		return Invalidf("quote reference is empty")
	}
	for _, r := range q.Ref {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return Invalidf("quote reference %q may hold only a-z, 0-9 and hyphens", q.Ref)
		}
	}
	if q.Text == "" {
		return Invalidf("quote %q has no text", q.Ref)
	}
	for _, v := range []string{q.Text, q.Speaker, q.Role, q.Context, q.Source} {
		if !utf8.ValidString(v) || len(v) > MaxFieldLen {
			return Invalidf("quote %q has a field that is not valid UTF-8 or is too long", q.Ref)
		}
	}
	return nil
}
