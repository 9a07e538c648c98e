package domain

import (
	"crypto/sha256"
	"encoding/hex"
)

// AttributionRules versions the rules of CheckAttribution. Bump it when
// they change, so findings stored with articles are computed again.
const AttributionRules = 2

// StoredFindings are CheckAttribution's findings as computed when an
// article was saved, with the rules version and a digest of the text
// they were computed from, so a stale copy is never believed.
type StoredFindings struct {
	Rules    int       `json:"rules"`
	Input    string    `json:"input"`
	Findings []Finding `json:"findings"`
	// Style are CheckStyle's findings, computed in the same pass from the
	// same parse, under the house style StyleKey digests.
	Style    []StyleFinding `json:"style,omitempty"`
	StyleKey string         `json:"style_key,omitempty"`
}

// NewStoredFindings keeps findings, CheckAttribution's result for a, for
// storing with it (markup.ComputeFindings runs the check and calls this).
func NewStoredFindings(a *Article, findings []Finding) StoredFindings {
	if findings == nil {
		findings = []Finding{}
	}
	return StoredFindings{Rules: AttributionRules, Input: attributionInput(a), Findings: findings}
}

// StoredAttribution returns a's stored attribution findings when the
// current rules computed them from exactly a's text, quotes and sources;
// ok is false when they must be computed again.
func StoredAttribution(a *Article) (findings []Finding, ok bool) {
	if a == nil {
		return nil, true
	}
	s := a.Attribution
	if s.Rules == AttributionRules && s.Input != "" && s.Input == attributionInput(a) {
		return s.Findings, true
	}
	return nil, false
}

// attributionInput digests everything CheckAttribution reads.
func attributionInput(a *Article) string {
	h := sha256.New()
	writeField(h, a.Body)
	writeLength(h, len(a.Quotes))
	for _, q := range a.Quotes {
		for _, f := range []string{q.Ref, q.Text, q.Speaker, q.Source} {
			writeField(h, f)
		}
	}
	writeLength(h, len(a.Sources))
	for _, s := range a.Sources {
		writeField(h, s.Name)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// StyleRules versions the rules of CheckStyle. Bump it when they change,
// so style findings stored with articles are computed again.
const StyleRules = 1

// StyleKey digests everything CheckStyle reads of a under settings s: the
// rules version, the settings, the headline, standfirst and body.
func StyleKey(a *Article, s StyleSettings) string {
	h := sha256.New()
	writeLength(h, StyleRules)
	writeField(h, string(s.HeadlineCase))
	writeField(h, string(s.Spelling))
	writeLength(h, s.MaxSentenceWords+1) // -1 (off) stays distinct from 0 (default)
	writeLength(h, boolInt(s.CurlyQuotes))
	writeLength(h, len(s.Discouraged))
	for _, r := range s.Discouraged {
		writeField(h, r.Word)
		writeField(h, r.Preferred)
	}
	for _, f := range []string{a.Headline, a.Standfirst, a.Body} {
		writeField(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// StoredStyle returns a's stored style findings when they were computed
// from exactly a's text under settings s; ok is false when they must be
// computed again.
func StoredStyle(a *Article, s StyleSettings) (findings []StyleFinding, ok bool) {
	if a == nil {
		return nil, true
	}
	if a.Attribution.StyleKey != "" && a.Attribution.StyleKey == StyleKey(a, s) {
		return a.Attribution.Style, true
	}
	return nil, false
}
