package editor

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/textedit"
)

// retype replaces a field's text as a reader would (select all, type),
// so its OnChanged runs.
func retype(e *textedit.Editor, text string) {
	e.Select(0, len(e.Text()))
	e.InsertAtCursor(text)
}

// checkedArticle is a published, fact-checked article with every field
// filled.
func checkedArticle() *domain.Article {
	return &domain.Article{
		Headline: "Kerry to visit Russia", Slug: "kerry-to-visit-russia",
		Standfirst: "The secretary of state will meet Putin.", Byline: "Ann Reporter",
		Section: "World", Keywords: []string{"Russia"},
		Body:   "Kerry flies to Sochi on Tuesday.",
		Status: domain.StatusPublished, PublishedAt: time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC),
	}
}

func TestTabWalksTheFieldsInOrderAndChangesNothing(t *testing.T) {
	s, st := newPanelScreen(t, checkedArticle())
	a, err := st.SetFactCheck(t.Context(), s.article.ID, s.article.Version, "Checker", true)
	if err != nil {
		t.Fatal(err)
	}
	s.show(a)
	before := stored(t, st, a.ID)
	c := s.win.Canvas()
	c.Focus(s.headline)
	var walked []fyne.Focusable
	for i := 0; i < 12 && c.Focused() != fyne.Focusable(s.body); i++ {
		walked = append(walked, c.Focused())
		c.Focused().TypedRune('\t') // what a driver that passed Tab on would do
		c.FocusNext()
	}
	want := []fyne.Focusable{s.headline, s.slug, s.standfirst, s.byline, s.filing.kind, s.filing.section, s.filing.tags, s.status, s.pubTime, s.factCheck}
	if len(walked) != len(want) {
		t.Fatalf("Tab walked %d stops before the body, want %d: %#v", len(walked), len(want), walked)
	}
	for i := range want {
		if walked[i] != want[i] {
			t.Fatalf("stop %d is %T, want %T", i, walked[i], want[i])
		}
	}
	s.Flush(func() {})
	waitFor(t, s, "nothing left to save", func() bool { return !s.save.dirty && !s.save.inFlight })
	after := stored(t, st, a.ID)
	if after.Headline != before.Headline || after.Slug != before.Slug || after.Standfirst != before.Standfirst ||
		after.Byline != before.Byline || after.Section != before.Section || after.Body != before.Body ||
		!after.PublishedAt.Equal(before.PublishedAt) || after.Status != before.Status {
		t.Fatalf("Tab changed the article:\nbefore %+v\nafter  %+v", before, after)
	}
	if !after.FactCheck.Checked {
		t.Fatal("Tabbing through the fields revoked the fact check")
	}
}

func TestFieldsAreLabelledAndTheHeadlineIsLarge(t *testing.T) {
	s, _ := newPanelScreen(t, checkedArticle())
	labels := map[string]bool{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() {
			labels[l.Text] = true
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case *container.Scroll: // the fields scroll when the window is short
			walk(c.Content)
		}
	}
	walk(s.form)
	for _, name := range []string{"Headline", "Slug", "Standfirst", "Byline", "Filing", "Status, time"} {
		if !labels[name] {
			t.Errorf("no label %q beside a filled field", name)
		}
	}
	if h, b := s.headline.MinSize().Height, s.byline.MinSize().Height; h < 1.3*b {
		t.Errorf("headline %v high, byline %v: the headline is not set large", h, b)
	}
	if s.standfirst.MinSize().Height < 1.8*s.byline.MinSize().Height-10 {
		t.Errorf("standfirst shows fewer than two lines")
	}
}

func TestEnterInTheHeadlineMovesToTheStandfirst(t *testing.T) {
	s, _ := newPanelScreen(t, checkedArticle())
	c := s.win.Canvas()
	c.Focus(s.headline)
	s.headline.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != fyne.Focusable(s.slug) {
		t.Fatalf("Enter in the headline focused %T, want the next field", c.Focused())
	}
	if s.headline.Text() != "Kerry to visit Russia" {
		t.Fatalf("Enter changed the headline: %q", s.headline.Text())
	}
}

func TestBodyWinsTheWidth(t *testing.T) {
	for _, tt := range []struct {
		width      float32
		panelsShow bool
	}{
		{620, false}, // 800×600 beside the list: the panels give way
		{800, true},  // 1024×700
		{1600, true}, // 1920×1080
		{1090, true}, // 1400×900
	} {
		r := newBodyRow(widget.NewLabel("body"), widget.NewLabel("side"))
		body, side := r.widths(tt.width)
		if (side > 0) != tt.panelsShow {
			t.Errorf("width %v: side %v, want shown=%v", tt.width, side, tt.panelsShow)
		}
		if body < side || body < bodyShare*tt.width || body+side != tt.width {
			t.Errorf("width %v: body %v, side %v", tt.width, body, side)
		}
		if side > sidePreferred {
			t.Errorf("width %v: side %v wider than it wants", tt.width, side)
		}
	}
}

func TestSidePanelCollapsesAndSaysSo(t *testing.T) {
	s, _ := newPanelScreen(t, checkedArticle())
	var heard []bool
	s.OnSidePanel = func(shown bool) { heard = append(heard, shown) }
	s.win.Resize(fyne.NewSize(1200, 800))
	if !s.sideBox.Visible() {
		t.Fatal("side panels hidden at 1200 px")
	}
	s.ToggleSidePanel()
	if s.sideBox.Visible() || s.SidePanelShown() {
		t.Fatal("F9 did not hide the side panels")
	}
	if s.body.Size().Width < s.main.box.Size().Width-1 {
		t.Fatalf("body %v of %v with the panels hidden", s.body.Size().Width, s.main.box.Size().Width)
	}
	if s.sideToggle.Text != "Show panels (F9)" {
		t.Fatalf("toggle says %q", s.sideToggle.Text)
	}
	s.ToggleSidePanel()
	if !s.sideBox.Visible() || len(heard) != 2 || heard[0] || !heard[1] {
		t.Fatalf("shown %v, heard %v", s.sideBox.Visible(), heard)
	}
	s.win.Resize(fyne.NewSize(600, 600))
	if s.sideBox.Visible() || s.sideToggle.Text != "No room for panels" {
		t.Fatalf("at 600 px: side shown %v, toggle %q", s.sideBox.Visible(), s.sideToggle.Text)
	}
}

func TestLongRowsAreReadableInFull(t *testing.T) {
	long := "“" + strings.Repeat("We will talk about everything that divides us and all that unites us, ", 4) + "” the minister said."
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "\u201cWe are ready to talk about everything, at length and in detail, with our partners.\u201d\n\nMore news.",
		Quotes: []domain.Quote{{Ref: "lavrov", Text: long, Speaker: "Sergey Lavrov", Role: "Russian Foreign Minister"}}})
	q := s.panels().quotes
	if q.detail.Visible() {
		t.Fatal("the detail line shows before a quote is chosen")
	}
	q.list.Select(0)
	if !q.detail.Visible() || !strings.Contains(q.detail.Text, long) || q.detail.Wrapping != fyne.TextWrapWord {
		t.Fatalf("chosen quote shown as %q (wrapping %v)", q.detail.Text, q.detail.Wrapping)
	}
	c := s.panels().check
	waitFor(t, s, "a finding", func() bool { return len(c.findings)+len(c.style) > 0 })
	c.list.Select(0)
	if !c.detail.Visible() || c.detail.Text == "" || !strings.Contains(c.detail.Text, c.findingText(0)) {
		t.Fatalf("chosen finding shown as %q", c.detail.Text)
	}
}
