package app

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"newsroom/domain"
	"newsroom/storage"
)

func TestCountArticles(t *testing.T) {
	for n, want := range map[int]string{0: "0 articles", 1: "1 article", 2: "2 articles", 999: "999 articles", 10000: "10,000 articles", 1234567: "1,234,567 articles"} {
		if got := countArticles(n); got != want {
			t.Errorf("countArticles(%d) = %q, want %q", n, got, want)
		}
	}
}

// newTestStore opens a real database in a temporary folder.
func newTestStore(t *testing.T) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "n.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestArticlesScreenNewTypeSearchDelete(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	ctx := context.Background()
	st.CreateArticle(ctx, &domain.Article{Slug: "existing", Headline: "Existing story about Sochi", Status: domain.StatusDraft}, "t")
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1200, 800))
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Tester" }, q)
	w.SetContent(s.Content())
	q.waitUntil(t, "the list", func() bool { return len(s.items) == 1 })

	s.NewArticle()
	q.waitUntil(t, "the new article open", func() bool { return s.editor.Current() != nil && s.editor.Current().Headline == "" })
	q.waitUntil(t, "the list to show it", func() bool { return len(s.items) == 2 })
	test.Type(w.Canvas().Focused(), "Budget vote delayed")
	q.waitUntil(t, "the headline saved", func() bool {
		list, _ := st.ListArticles(ctx, storage.ArticleQuery{Search: "budget"})
		return len(list) == 1 && list[0].Headline == "Budget vote delayed" && list[0].Slug == "budget-vote-delayed"
	})

	retype(s.search, "sochi")
	q.waitUntil(t, "the search result", func() bool { return len(s.items) == 1 && s.items[0].Slug == "existing" })
	retype(s.search, "")
	q.waitUntil(t, "the full list", func() bool { return len(s.items) == 2 })

	// Delete asks first; confirming removes the open article.
	id := s.selected
	s.deleteSelected()
	confirm := findButton(w.Canvas().Overlays().Top(), "Yes")
	if confirm == nil {
		t.Fatal("no confirmation dialog")
	}
	test.Tap(confirm)
	q.waitUntil(t, "the article deleted", func() bool {
		_, err := st.GetArticle(ctx, id)
		return errors.Is(err, domain.ErrNotFound)
	})
}

// findButton finds a button by its label below o.
func findButton(o fyne.CanvasObject, label string) *widget.Button {
	switch x := o.(type) {
	case *widget.Button:
		if x.Text == label {
			return x
		}
	case *fyne.Container:
		for _, c := range x.Objects {
			if b := findButton(c, label); b != nil {
				return b
			}
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		for _, c := range r.Objects() {
			if b := findButton(c, label); b != nil {
				return b
			}
		}
	}
	return nil
}
