package seed

import (
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/markup"
)

func TestSampleArticleIsTheSeedPage(t *testing.T) {
	a, err := SampleArticle()
	if err != nil {
		t.Fatal(err)
	}
	if a.Headline != "Kerry To meet Putin In First Russian Visit Since Start Of Ukraine Crisis" {
		t.Errorf("headline %q", a.Headline)
	}
	if a.Status != domain.StatusPublished || !a.FactCheck.Checked || a.FactCheck.Digest != domain.CoveredDigest(a) {
		t.Errorf("not published and fact-checked: %s %+v", a.Status, a.FactCheck)
	}
	var names []string
	for _, s := range a.Sources {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "The Guardian,Reuters,RIA Novosti,Interfax,US State Department" {
		t.Errorf("sources %s", got)
	}
	q, ok := a.QuoteByRef("harf")
	if !ok || q.Speaker != "Marie Harf" || q.Role != "State Department spokeswoman" || q.Context != "in a written statement" {
		t.Errorf("Harf quote %+v", q)
	}
	for _, want := range []string{domain.QuoteMarker("harf"), domain.ExcerptMarker("The Guardian"), "“very symbolic,”"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	if f := markup.CheckAttribution(a); len(f) != 0 {
		t.Errorf("sample article has attribution findings: %+v", f)
	}
}
