package editor

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"newsroom/domain"
)

func TestCorrectionsPanelAddsNote(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Text.", Status: domain.StatusPublished,
		PublishedAt: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)})
	c := s.panels().notes
	if c.add.Disabled() {
		t.Fatalf("add disabled on a published article: %q", c.state.Text)
	}
	// An empty note is refused on the spot.
	test.Tap(c.add)
	if !strings.HasPrefix(c.state.Text, "Not added") {
		t.Errorf("empty note: state %q", c.state.Text)
	}
	c.kind.SetSelectedIndex(2) // Update
	test.Type(c.text, "The talks ended on Friday.")
	version := s.article.Version
	test.Tap(c.add)
	waitFor(t, s, "the note to be stored", func() bool { return len(stored(t, st, s.article.ID).Corrections) == 1 })
	waitFor(t, s, "the panel to show it", func() bool { return c.list.Length() == 1 && c.text.Text() == "" })
	log := stored(t, st, s.article.ID).Corrections
	if len(log) != 1 || log[0].Kind != domain.CorrectionUpdate || log[0].Text != "The talks ended on Friday." || log[0].By != "Tester" {
		t.Fatalf("stored log = %+v", log)
	}
	if got := stored(t, st, s.article.ID); got.Version != version || got.Status != domain.StatusPublished {
		t.Errorf("adding a note changed the article: version %d→%d, status %s", version, got.Version, got.Status)
	}
}

func TestCorrectionsPanelRefusesDrafts(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Draft", Body: "Text."})
	c := s.panels().notes
	if !c.add.Disabled() || !strings.Contains(c.state.Text, "published articles") {
		t.Errorf("draft: add enabled %v, state %q", !c.add.Disabled(), c.state.Text)
	}
}
