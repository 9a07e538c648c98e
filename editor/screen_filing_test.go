package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"newsroom/domain"
)

func TestFilingFieldsEditKindSectionTags(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "View", Body: "Text.", Keywords: []string{"World", "Russia"}})
	f := s.filing
	if f.kind.Selected != kindNotSaid || f.tags.Text() != "World, Russia" || f.section.Text() != "" || !strings.Contains(f.section.PlaceHolder(), "World") {
		t.Fatalf("filled: kind %q, tags %q, section %q (%q)", f.kind.Selected, f.tags.Text(), f.section.Text(), f.section.PlaceHolder())
	}
	f.kind.SetSelected("Opinion")
	test.Type(f.section, "Comment")
	retype(f.tags, "Russia, Sochi, russia")
	waitFor(t, s, "the filing to be saved", func() bool {
		a := stored(t, st, s.article.ID)
		return a.Kind == domain.KindOpinion && a.Section == "Comment" && strings.Join(a.Keywords, ",") == "Russia,Sochi"
	})
}
