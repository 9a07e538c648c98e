package domain

import (
	"strings"
	"unicode/utf8"
)

// WorkKind is the kind of journalism an article is: news, analysis,
// opinion… Readers see it as a label; search engines as the matching
// schema.org NewsArticle subtype.
type WorkKind string

// The kinds of work. The empty kind means not said (plain news).
const (
	KindNews      WorkKind = "news"
	KindReportage WorkKind = "reportage"
	KindAnalysis  WorkKind = "analysis"
	KindOpinion   WorkKind = "opinion"
	KindReview    WorkKind = "review"
	KindExplainer WorkKind = "explainer"
)

// WorkKinds lists the kinds in the order editors are offered them.
var WorkKinds = []WorkKind{KindNews, KindReportage, KindAnalysis, KindOpinion, KindReview, KindExplainer}

// MaxSectionLen bounds a section name and each tag.
const MaxSectionLen = 200

// ParseWorkKind reads a kind as typed (any case); "" stays "".
func ParseWorkKind(s string) (WorkKind, error) {
	k := WorkKind(strings.ToLower(strings.TrimSpace(s)))
	if !k.Valid() {
		return "", Invalidf("kind of work %q is not one of news, reportage, analysis, opinion, review or explainer", s)
	}
	return k, nil
}

// Valid reports whether k is a known kind or empty.
func (k WorkKind) Valid() bool {
	if k == "" {
		return true
	}
	for _, w := range WorkKinds {
		if k == w {
			return true
		}
	}
	return false
}

// Label names the kind for readers ("Opinion"); "" for the empty kind.
func (k WorkKind) Label() string {
	switch k {
	case KindNews:
		return "News"
	case KindReportage:
		return "Reportage"
	case KindAnalysis:
		return "Analysis"
	case KindOpinion:
		return "Opinion"
	case KindReview:
		return "Review"
	case KindExplainer:
		return "Explainer"
	}
	return ""
}

// SchemaType is the schema.org type of an article of this kind.
func (k WorkKind) SchemaType() string {
	switch k {
	case KindReportage:
		return "ReportageNewsArticle"
	case KindAnalysis:
		return "AnalysisNewsArticle"
	case KindOpinion:
		return "OpinionNewsArticle"
	case KindReview:
		return "ReviewNewsArticle"
	case KindExplainer:
		return "BackgroundNewsArticle"
	}
	return "NewsArticle"
}

// SectionOf is the section a is filed under: its Section, else its first
// tag (articles imported with categories and tags, and those written
// before sections existed, keep their kicker that way).
func SectionOf(a *Article) string {
	if s := strings.TrimSpace(a.Section); s != "" {
		return s
	}
	for _, k := range a.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			return k
		}
	}
	return ""
}

// validateFiling checks the kind of work, the section and the tags.
func (a *Article) validateFiling() error {
	if !a.Kind.Valid() {
		return Invalidf("kind of work %q is not one of news, reportage, analysis, opinion, review or explainer", a.Kind)
	}
	for _, name := range append([]string{a.Section}, a.Keywords...) {
		if !utf8.ValidString(name) {
			return Invalidf("section or tag %q is not valid UTF-8", name)
		}
		if len(name) > MaxSectionLen {
			return Invalidf("section or tag is %d bytes, over the limit of %d", len(name), MaxSectionLen)
		}
	}
	return nil
}

// ParseTags reads tags as typed in one line, separated by commas:
// trimmed, empty ones dropped, duplicates (ignoring case) dropped.
func ParseTags(s string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}
