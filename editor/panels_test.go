package editor

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/schedule"
	"newsroom/storage"
	"newsroom/textedit"
)

// newPanelScreen opens a real store in a temporary directory, creates a
// (as "Alice") and shows it in a new editor screen used by "Tester".
func newPanelScreen(t *testing.T, a *domain.Article) (*Screen, *storage.Store) {
	t.Helper()
	test.NewTempApp(t)
	st, err := storage.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if a.Slug == "" {
		a.Slug = "test-article"
	}
	if err := st.CreateArticle(context.Background(), a, "Alice"); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	s := NewScreen(st, w, func() string { return "Tester" }, newTestScheduler())
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1200, 800))
	stored, err := st.GetArticle(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.show(stored)
	return s, st
}

// newTestScheduler is the fake scheduler editor tests give the screen.
func newTestScheduler() *schedule.Fake {
	return schedule.NewFake(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
}

// fakeOf returns the fake scheduler of a screen made by a test.
func fakeOf(s *Screen) *schedule.Fake { return s.sched.(*schedule.Fake) }

// waitFor runs the screen's pending work and moves its fake clock on, a
// tenth of a second at a time, until cond holds; the test fails when it
// does not hold after ten seconds of fake time.
func waitFor(t *testing.T, s *Screen, what string, cond func() bool) {
	t.Helper()
	f := fakeOf(s)
	f.Settle()
	for step := 0; !cond(); step++ {
		if step == 100 {
			t.Fatalf("%s did not happen within 10 s of fake time", what)
		}
		f.Advance(100 * time.Millisecond)
	}
}

// stored reads the article back from the store.
func stored(t *testing.T, st *storage.Store, id int64) *domain.Article {
	t.Helper()
	a, err := st.GetArticle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

var guardian = domain.Source{Name: "The Guardian", Kind: domain.SourceNewspaper, URL: "https://www.theguardian.com"}

func TestQuotePanelAddInsertEdit(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Intro paragraph.\n\nEnd.", Sources: []domain.Source{guardian}})
	qp := s.panels().quotes
	rec, err := qp.apply(-1, domain.Quote{Text: " We will go. ", Speaker: "Marie Harf", Role: "spokeswoman", Source: "The Guardian"})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Ref != "harf" || rec.Text != "We will go." {
		t.Fatalf("stored %+v, want ref harf and trimmed text", rec)
	}
	if second, err := qp.apply(-1, domain.Quote{Text: "Yes.", Speaker: "Ann Harf"}); err != nil || second.Ref != "harf-2" {
		t.Fatalf("second Harf: %+v, %v; want ref harf-2", second, err)
	}
	for _, bad := range []domain.Quote{{Ref: "Bad Ref", Text: "x"}, {Ref: "harf", Text: "x"}, {Text: "  "}} {
		if _, err := qp.apply(-1, bad); err == nil {
			t.Errorf("apply(%+v) succeeded, want an error", bad)
		}
	}
	if qp.count() != 2 || qp.list.Length() != 2 {
		t.Fatalf("list shows %d quotes, want 2", qp.list.Length())
	}

	s.Body().SetCursorOffset(len("Intro paragraph."))
	qp.insert(0)
	if got, want := s.Body().Text(), "Intro paragraph.\n\n{{quote harf}}\n\nEnd."; got != want {
		t.Fatalf("body after insert = %q, want %q", got, want)
	}
	if s.article.Body != s.Body().Text() {
		t.Fatal("the working copy did not follow the insert")
	}

	qp.list.Select(0)
	edited := qp.quotes()[0]
	edited.Text = "We will go to Moscow."
	if _, err := qp.apply(0, edited); err != nil {
		t.Fatal(err)
	}
	waitFor(t, s, "the edited quote to be saved", func() bool {
		a := stored(t, st, s.article.ID)
		return len(a.Quotes) == 2 && a.Quotes[0].Text == "We will go to Moscow." && strings.Contains(a.Body, "{{quote harf}}")
	})
}

func TestQuotePanelMoveRemove(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "{{quote b}}", Quotes: []domain.Quote{
		{Ref: "a", Text: "First."}, {Ref: "b", Text: "Second."}, {Ref: "c", Text: "Third."},
	}})
	qp := s.panels().quotes
	qp.move(0, 1)
	if got := refsOf(s.article.Quotes); got != "b a c" {
		t.Fatalf("after moving the first down: %s", got)
	}
	if qp.selected != 1 {
		t.Errorf("selection is %d, want the moved quote at 1", qp.selected)
	}
	qp.move(0, -1)
	if got := refsOf(s.article.Quotes); got != "b a c" {
		t.Fatalf("moving the first up changed the order: %s", got)
	}
	if !qp.placed("b") || qp.placed("c") {
		t.Fatal("placed() does not follow the body")
	}
	qp.remove(2)
	if got := refsOf(s.article.Quotes); got != "b a" {
		t.Fatalf("after removing c: %s", got)
	}
}

func refsOf(qs []domain.Quote) string {
	var refs []string
	for _, q := range qs {
		refs = append(refs, q.Ref)
	}
	return strings.Join(refs, " ")
}

func TestSourcePanel(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Talks", Body: "Intro.",
		Quotes: []domain.Quote{{Ref: "harf", Text: "Yes.", Speaker: "Harf", Source: "Reuters"}}})
	sp := s.panels().sources
	if _, err := sp.apply(-1, domain.Source{Name: "Reuters", Kind: domain.SourceNewsAgency}); err != nil {
		t.Fatal(err)
	}
	if _, err := sp.apply(-1, guardian); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []domain.Source{
		{Name: "the guardian", Kind: domain.SourceNewspaper},
		{Name: "", Kind: domain.SourceNewspaper},
		{Name: "Blog", Kind: domain.SourceNewspaper, URL: "javascript:alert(1)"},
		{Name: "Odd", Kind: "gossip"},
	} {
		if _, err := sp.apply(-1, bad); err == nil {
			t.Errorf("apply(%+v) succeeded, want an error", bad)
		}
	}
	renamed := s.article.Sources[0]
	renamed.Name = "Reuters News"
	if _, err := sp.apply(0, renamed); err != nil {
		t.Fatal(err)
	}
	if got := s.article.Quotes[0].Source; got != "Reuters News" {
		t.Fatalf("quote credits %q after the rename, want Reuters News", got)
	}
	sp.move(1, -1)
	if s.article.Sources[0].Name != "The Guardian" {
		t.Fatalf("sources after move: %+v", s.article.Sources)
	}

	s.Body().SetCursorOffset(len("Intro."))
	sp.insertExcerpt(0)
	if got, want := s.Body().Text(), "Intro.\n\n> [!excerpt The Guardian]\n> "; got != want {
		t.Fatalf("body after inserting an excerpt = %q, want %q", got, want)
	}
	if quotes, body := sp.usedBy("the guardian"); quotes != 0 || !body {
		t.Fatalf("usedBy = %d quotes, body %v; want 0, true", quotes, body)
	}
	sp.remove(1)
	if len(s.article.Sources) != 1 || s.article.Quotes[0].Source != "" {
		t.Fatalf("after removing Reuters News: sources %+v, quote source %q", s.article.Sources, s.article.Quotes[0].Source)
	}
	waitFor(t, s, "the register to be saved", func() bool {
		a := stored(t, st, s.article.ID)
		return len(a.Sources) == 1 && a.Sources[0].Name == "The Guardian" && strings.Contains(a.Body, "[!excerpt The Guardian]")
	})
}

func TestBlockInsertion(t *testing.T) {
	const m = "{{quote x}}"
	tests := []struct {
		name, text string
		start, end int
		open       bool
		want       string
	}{
		{"empty body", "", 0, 0, false, m + "\n\n"},
		{"end of paragraph", "One.\n\nTwo.", 4, 4, false, "\n\n" + m},
		{"start of paragraph", "One.\n\nTwo.", 6, 6, false, m + "\n\n"},
		{"after one break", "One.\nTwo.", 5, 5, false, "\n" + m + "\n\n"},
		{"mid sentence", "One two", 3, 3, false, "\n\n" + m + "\n\n"},
		{"end of text", "One.", 4, 4, false, "\n\n" + m + "\n\n"},
		{"replacing a selection", "One. Two.", 4, 9, false, "\n\n" + m + "\n\n"},
		{"open block", "One.", 4, 4, true, "\n\n" + m},
		{"out of range", "One.", 40, -3, false, m + "\n\n"},
	}
	for _, tt := range tests {
		if got := blockInsertion(tt.text, tt.start, tt.end, m, tt.open); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestQuoteAutoRef(t *testing.T) {
	tests := []struct {
		speaker string
		taken   []string
		want    string
	}{
		{"Marie Harf", nil, "harf"},
		{"Marie Harf", []string{"harf", "harf-2"}, "harf-3"},
		{"Thomas Müller", nil, "muller"},
		{"", nil, "quote"},
		{"习近平", []string{"quote"}, "quote-2"},
		{"Jean-Luc O'Brien", nil, "obrien"},
	}
	for _, tt := range tests {
		taken := map[string]bool{}
		for _, r := range tt.taken {
			taken[r] = true
		}
		if got := autoRef(tt.speaker, taken); got != tt.want {
			t.Errorf("autoRef(%q) = %q, want %q", tt.speaker, got, tt.want)
		}
	}
}

func TestQuoteFormFields(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "Talks", Sources: []domain.Source{guardian},
		Quotes: []domain.Quote{{Ref: "old", Text: "Before.", Source: "Gone Agency"}}})
	qp := s.panels().quotes
	opts := qp.sourceOptions("Gone Agency")
	if strings.Join(opts, "|") != "(none)|The Guardian|Gone Agency" {
		t.Fatalf("source choices %q", opts)
	}
	f := newQuoteFields(qp.quotes()[0], true, opts)
	if !f.ref.Disabled() || f.source.Selected != "Gone Agency" {
		t.Fatalf("form: ref disabled %v, source %q", f.ref.Disabled(), f.source.Selected)
	}
	f.text.SetText("After.")
	f.speaker.SetText("Jen Psaki")
	f.source.SetSelected("The Guardian")
	if f.ref.Validate() != nil || f.text.Validate() != nil {
		t.Fatal("valid fields fail validation")
	}
	if _, err := qp.apply(0, f.quote(qp.quotes()[0])); err != nil {
		t.Fatal(err)
	}
	got := s.article.Quotes[0]
	if got.Ref != "old" || got.Text != "After." || got.Speaker != "Jen Psaki" || got.Source != "The Guardian" {
		t.Fatalf("record after the form: %+v", got)
	}
	blank := newQuoteFields(domain.Quote{}, false, qp.sourceOptions(""))
	blank.ref.SetText("Not OK")
	if blank.ref.Validate() == nil || blank.text.Validate() == nil {
		t.Fatal("a bad reference and an empty text pass validation")
	}
	if q := blank.quote(domain.Quote{}); q.Source != "" {
		t.Fatalf("no source chosen gives source %q", q.Source)
	}
}

func TestPanelsFollowArticleSwitch(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "One", Quotes: []domain.Quote{{Ref: "a", Text: "A."}, {Ref: "b", Text: "B."}}})
	qp := s.panels().quotes
	qp.list.Select(1)
	other := &domain.Article{Slug: "two", Headline: "Two", Quotes: []domain.Quote{{Ref: "z", Text: "Z."}}}
	if err := st.CreateArticle(context.Background(), other, "Alice"); err != nil {
		t.Fatal(err)
	}
	s.Load(other.ID, FocusNone)
	waitFor(t, s, "the panels to show the second article", func() bool {
		return s.panels().shownID == other.ID && qp.selected == -1 && qp.list.Length() == 1
	})
}

// TestSourceFormOffersTheSharedRegister: a source used in another
// article is offered by name, and picking it fills in its details.
func TestSourceFormOffersTheSharedRegister(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "One", Body: "Text.", Status: domain.StatusDraft})
	other := &domain.Article{Slug: "other", Headline: "Other", Status: domain.StatusDraft,
		Sources: []domain.Source{{Name: "Interfax", Kind: domain.SourceNewsAgency, URL: "https://www.interfax.ru/", Note: "Moscow desk"}}}
	if err := st.CreateArticle(context.Background(), other, "Alice"); err != nil {
		t.Fatal(err)
	}
	name := NewChoiceField(nil)
	kind := widget.NewSelect([]string{"newspaper", "news-agency"}, nil)
	link, note := textedit.NewField(), textedit.NewLinesField(3)
	s.panels().sources.offerKnownSources(name, kind, link, note)
	waitFor(t, s, "the register offered", func() bool { return name.Field.OnChanged != nil })
	if got := strings.Join(name.Options(), "|"); got != "Interfax" {
		t.Fatalf("offered %q", got)
	}
	retype(name.Field, "interfax")
	if kind.Selected != "news-agency" || link.Text() != "https://www.interfax.ru/" || note.Text() != "Moscow desk" {
		t.Fatalf("typing Interfax filled %q %q %q", kind.Selected, link.Text(), note.Text())
	}
	link.SetText("")
	name.Choose("Interfax")
	if name.Text() != "Interfax" || link.Text() != "https://www.interfax.ru/" {
		t.Fatalf("choosing Interfax gave name %q, URL %q", name.Text(), link.Text())
	}
}

// TestSourceFormNameIsOurField: the source form's name is a field on our
// text engine (no blinking caret; Escape reaches the window), and the form
// will not save a source without a name.
func TestSourceFormNameIsOurField(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "One", Body: "Text.", Status: domain.StatusDraft})
	s.panels().sources.showForm(-1)
	overlay := s.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("the source form did not open")
	}
	var name *ChoiceField
	var stock []string
	walkObjects(overlay, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *ChoiceField:
			name = w
		case *widget.Entry, *widget.SelectEntry:
			stock = append(stock, fmt.Sprintf("%T", w))
		}
	})
	if name == nil || len(stock) > 0 {
		t.Fatalf("the form's name field is %v, stock entries %v", name, stock)
	}
	if s.win.Canvas().Focused() != name.Field {
		t.Error("the name field does not have the keyboard when the form opens")
	}
	if name.Validate() == nil {
		t.Error("an empty name passes validation")
	}
	retype(name.Field, "Reuters")
	if name.Validate() != nil {
		t.Errorf("a name fails validation: %v", name.Validate())
	}
}
