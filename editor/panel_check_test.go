package editor

import (
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/markup"
)

func TestCheckPanelFindingsJump(t *testing.T) {
	body := "The talks ended late.\n\n\"We will never give up on this process.\"\n\nMore news."
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: body})
	c := s.panels().check
	waitFor(t, s, "a finding", func() bool { return len(c.findings) > 0 })
	f := c.findings[0]
	if f.Kind != domain.FindingUnattributedQuote || f.Offset != strings.Index(body, "\"We") {
		t.Fatalf("finding %+v, want an unattributed quote at %d", f, strings.Index(body, "\"We"))
	}
	if s.panels().tabs.Items[tabCheck].Text != "Check (1)" {
		t.Errorf("tab title %q, want Check (1)", s.panels().tabs.Items[tabCheck].Text)
	}
	c.list.Select(0)
	if got := s.Body().CursorOffset(); got != f.Offset {
		t.Fatalf("caret at %d after choosing the finding, want %d", got, f.Offset)
	}
	start, end := s.Body().SelectionRange()
	if got := body[start:end]; got != "\"We will never give up on this process.\"" {
		t.Fatalf("selection %q, want the quotation", got)
	}
	if s.win.Canvas().Focused() != s.Body() {
		t.Fatal("the body does not have the keyboard after the jump")
	}

	s.Body().SetCursorOffset(len(body) - len("\n\nMore news."))
	s.Body().InsertAtCursor(" the minister said.")
	waitFor(t, s, "no findings", func() bool { return len(c.findings) == 0 && strings.HasPrefix(c.summary.Text, "No findings") })
}

func TestCheckPanelRecordFinding(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Sources: []domain.Source{guardian}, Quotes: []domain.Quote{
		{Ref: "ok", Text: "Fine.", Speaker: "Ann", Source: "The Guardian"},
		{Ref: "anon", Text: "Nobody   said\nthis.", Source: "The Guardian"},
	}})
	p := s.panels()
	waitFor(t, s, "a finding", func() bool { return len(p.check.findings) > 0 })
	if f := p.check.findings[0]; f.Kind != domain.FindingQuoteMissingSpeaker || f.Offset != -1 {
		t.Fatalf("finding %+v, want a quote record without speaker", f)
	}
	p.check.list.Select(0)
	if p.tabs.SelectedIndex() != tabQuotes || p.quotes.selected != 1 {
		t.Fatalf("after choosing the finding: tab %d, quote %d; want the Quotes tab with quote 1", p.tabs.SelectedIndex(), p.quotes.selected)
	}
}

// TestCheckPanelSelectsWholeLongQuotation checks that choosing a finding
// selects exactly the quotation, also when it is longer than the excerpt
// the finding shows and runs over lines.
func TestCheckPanelSelectsWholeLongQuotation(t *testing.T) {
	quotation := "\"" + strings.Repeat("We will never give up on this process, ", 6) + "\nnot now and not later.\""
	body := "Intro.\n\n" + quotation + "\n\nMore news."
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: body})
	c := s.panels().check
	waitFor(t, s, "a finding", func() bool { return len(c.findings) > 0 })
	if f := c.findings[0]; !strings.HasSuffix(f.Excerpt, "…") {
		t.Fatalf("excerpt %q is not shortened; the test needs a long quotation", f.Excerpt)
	}
	c.list.Select(0)
	start, end := s.Body().SelectionRange()
	if got := body[start:end]; got != quotation {
		t.Fatalf("selection %q, want the whole quotation", got)
	}
}

// BenchmarkCheck60000 measures the attribution check the Check panel runs
// off the UI goroutine after each pause in typing.
func BenchmarkCheck60000(b *testing.B) {
	a := &domain.Article{Body: genBody(60000)}
	for b.Loop() {
		markup.CheckAttribution(a)
	}
}
