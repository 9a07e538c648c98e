package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// CorrectionKind says what a published note to readers is.
type CorrectionKind string

// The kinds of note in an article's corrections log.
const (
	// CorrectionFix corrects an error of fact.
	CorrectionFix CorrectionKind = "correction"
	// CorrectionClarification makes something clearer without an error.
	CorrectionClarification CorrectionKind = "clarification"
	// CorrectionUpdate adds news that came after publication.
	CorrectionUpdate CorrectionKind = "update"
)

// EventCorrection is the history event of a note added to the log.
const EventCorrection = "correction"

// MaxCorrectionLen bounds a note's text.
const MaxCorrectionLen = 5_000

// ParseCorrectionKind reads a kind as typed (any case, surrounding space).
func ParseCorrectionKind(s string) (CorrectionKind, error) {
	k := CorrectionKind(strings.ToLower(strings.TrimSpace(s)))
	if !k.Valid() {
		return "", Invalidf("kind %q is not correction, clarification or update", s)
	}
	return k, nil
}

// Valid reports whether k is one of the known kinds.
func (k CorrectionKind) Valid() bool {
	switch k {
	case CorrectionFix, CorrectionClarification, CorrectionUpdate:
		return true
	}
	return false
}

// Label names the kind for readers: "Correction", "Clarification",
// "Update".
func (k CorrectionKind) Label() string {
	switch k {
	case CorrectionFix:
		return "Correction"
	case CorrectionClarification:
		return "Clarification"
	case CorrectionUpdate:
		return "Update"
	}
	return "Note"
}

// Correction is one entry of an article's corrections log. The log is
// append-only: entries are never changed or removed.
type Correction struct {
	ID        int64
	ArticleID int64
	Kind      CorrectionKind
	Text      string
	At        time.Time // when it was added
	By        string    // who added it
}

// Validate checks a note before it is added: a known kind and a text
// that is present, valid UTF-8 and within MaxCorrectionLen.
func (c Correction) Validate() error {
	if !c.Kind.Valid() {
		return Invalidf("kind %q is not correction, clarification or update", c.Kind)
	}
	text := strings.TrimSpace(c.Text)
	if text == "" {
		return Invalidf("the %s has no text", c.Kind)
	}
	if !utf8.ValidString(text) {
		return Invalidf("the %s text is not valid UTF-8", c.Kind)
	}
	if len(text) > MaxCorrectionLen {
		return Invalidf("the %s text is %d bytes, over the limit of %d", c.Kind, len(text), MaxCorrectionLen)
	}
	return nil
}

// CanCorrect reports whether notes may be added to a: only to an article
// that has been published (a draft is simply edited). The article stays
// published while a note is added.
func CanCorrect(a *Article) error {
	if a.Status != StatusPublished || a.PublishedAt.IsZero() {
		return Invalidf("article %q is not published: corrections are for published articles; edit a draft directly", a.Slug)
	}
	return nil
}

// LastCorrectedAt is when the newest note of a's log was added; zero when
// there is none.
func LastCorrectedAt(a *Article) time.Time {
	var last time.Time
	for _, c := range a.Corrections {
		if c.At.After(last) {
			last = c.At
		}
	}
	return last
}
