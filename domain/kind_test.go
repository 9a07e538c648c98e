package domain

import (
	"errors"
	"strings"
	"testing"
)

func TestWorkKinds(t *testing.T) {
	for _, tc := range []struct {
		in           string
		kind         WorkKind
		label, type_ string
	}{
		{"", "", "", "NewsArticle"},
		{"news", KindNews, "News", "NewsArticle"},
		{"Opinion", KindOpinion, "Opinion", "OpinionNewsArticle"},
		{" analysis ", KindAnalysis, "Analysis", "AnalysisNewsArticle"},
		{"review", KindReview, "Review", "ReviewNewsArticle"},
		{"explainer", KindExplainer, "Explainer", "BackgroundNewsArticle"},
		{"reportage", KindReportage, "Reportage", "ReportageNewsArticle"},
	} {
		k, err := ParseWorkKind(tc.in)
		if err != nil || k != tc.kind || k.Label() != tc.label || k.SchemaType() != tc.type_ {
			t.Errorf("%q: kind %q (%v), label %q, type %q", tc.in, k, err, k.Label(), k.SchemaType())
		}
	}
	if _, err := ParseWorkKind("satire"); !errors.Is(err, ErrInvalid) {
		t.Errorf("satire: %v", err)
	}
	a := Article{Slug: "x", Status: StatusDraft, Kind: "satire"}
	if err := a.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Validate with an unknown kind: %v", err)
	}
	a.Kind, a.Section = KindOpinion, strings.Repeat("s", MaxSectionLen+1)
	if err := a.Validate(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Validate with a long section: %v", err)
	}
}

func TestSectionOfAndParseTags(t *testing.T) {
	for _, tc := range []struct {
		a    Article
		want string
	}{
		{Article{Section: "Politics", Keywords: []string{"World"}}, "Politics"},
		{Article{Section: "  ", Keywords: []string{" ", "World"}}, "World"},
		{Article{}, ""},
	} {
		if got := SectionOf(&tc.a); got != tc.want {
			t.Errorf("SectionOf(%+v) = %q, want %q", tc.a, got, tc.want)
		}
	}
	if got := strings.Join(ParseTags(" Russia, ukraine,,Russia , Ukraine, Sochi"), "|"); got != "Russia|ukraine|Sochi" {
		t.Errorf("ParseTags = %q", got)
	}
}
