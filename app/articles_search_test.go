package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/textedit"
)

// retype replaces a field's text as a reader would, so OnChanged runs.
func retype(e *textedit.Editor, text string) {
	e.Select(0, len(e.Text()))
	e.InsertAtCursor(text)
}

// newSearchScreen is the articles screen over two articles.
func newSearchScreen(t *testing.T) (*ArticlesScreen, fyne.Window, *screenTestQueue) {
	test.NewTempApp(t)
	st := newTestStore(t)
	ctx := context.Background()
	st.CreateArticle(ctx, &domain.Article{Slug: "budget", Headline: "Budget vote delayed", Body: "The council waits."}, "t")
	st.CreateArticle(ctx, &domain.Article{Slug: "sochi", Headline: "Kerry in Sochi", Body: "Talks."}, "t")
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Tester" }, q)
	w.SetContent(s.Content())
	q.waitUntil(t, "the list", func() bool { return len(s.items) == 2 })
	return s, w, q
}

func TestEnterInSearchOpensTheFirstResultInItsBody(t *testing.T) {
	s, w, q := newSearchScreen(t)
	s.FocusSearch()
	test.Type(s.search, "sochi")
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // before the search ran
	q.waitUntil(t, "the result open", func() bool {
		a := s.editor.Current()
		return a != nil && a.Slug == "sochi" && w.Canvas().Focused() == fyne.Focusable(s.editor.Body())
	})
	if s.search.Text() != "sochi" {
		t.Fatalf("search box holds %q", s.search.Text())
	}
}

func TestDownFromSearchGoesToTheResults(t *testing.T) {
	s, w, q := newSearchScreen(t)
	s.FocusSearch()
	test.Type(s.search, "budget")
	q.waitUntil(t, "one result", func() bool { return len(s.items) == 1 })
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	q.waitUntil(t, "the result open", func() bool {
		a := s.editor.Current()
		return a != nil && a.Slug == "budget"
	})
	if w.Canvas().Focused() != fyne.Focusable(s.list) {
		t.Fatalf("Down left the keyboard on %T, want the list", w.Canvas().Focused())
	}
}
