package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// articlesWindow shows the article list of st, signed in as "Tester", in
// a 1200×800 test window.
func articlesWindow(t *testing.T, st *storage.Store) (*ArticlesScreen, fyne.Window, *screenTestQueue) {
	t.Helper()
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Tester" }, q)
	w.SetContent(s.Content())
	return s, w, q
}

// New twice with nothing written opens the same empty draft: no pile of
// "(untitled)" rows. Once something is written, New makes a new one.
func TestNewArticleTakesTheEmptyDraftAgain(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	ctx := context.Background()
	s, w, q := articlesWindow(t, st)
	count := func() int {
		list, err := st.ListArticles(ctx, storage.ArticleQuery{})
		if err != nil {
			t.Fatal(err)
		}
		return len(list)
	}
	s.NewArticle()
	q.waitUntil(t, "the new article open", func() bool { return s.editor.Current() != nil })
	first := s.editor.Current().ID
	s.NewArticle()
	q.waitUntil(t, "New again", func() bool { q.Settle(); return s.editor.Current() != nil && len(s.items) == 1 })
	if got := s.editor.Current().ID; got != first || count() != 1 {
		t.Fatalf("New twice: open %d (first %d), %d articles stored, want the same one", got, first, count())
	}
	// The keyboard is in its headline.
	test.Type(w.Canvas().Focused(), "Budget vote delayed")
	q.waitUntil(t, "the headline saved", func() bool {
		list, _ := st.ListArticles(ctx, storage.ArticleQuery{Search: "budget"})
		return len(list) == 1 && list[0].Headline == "Budget vote delayed"
	})
	s.NewArticle()
	q.waitUntil(t, "a second article", func() bool { return s.editor.Current() != nil && s.editor.Current().ID != first })
	if count() != 2 {
		t.Fatalf("%d articles stored after New on a written draft, want 2", count())
	}
}

func TestArticlesScreenNewTypeSearchDelete(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	st.SetClock(func() time.Time { return testStart })
	ctx := context.Background()
	st.CreateArticle(ctx, &domain.Article{Slug: "existing", Headline: "Existing story about Sochi", Status: domain.StatusDraft}, "t")
	s, w, q := articlesWindow(t, st)
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

	// Delete moves the open article to the trash, with what was typed.
	id := s.selected
	s.deleteSelected()
	q.waitUntil(t, "the article in the trash", func() bool {
		_, err := st.GetArticle(ctx, id)
		return errors.Is(err, storage.ErrInTrash) && len(s.items) == 1
	})
	if !strings.Contains(s.notice.Text, "moved to the trash") {
		t.Errorf("notice after delete: %q", s.notice.Text)
	}
	// The Trash filter lists it; Restore brings it back and opens it.
	s.statusPick.SetSelected(trashFilter)
	q.waitUntil(t, "the trash listed", func() bool { return len(s.items) == 1 && s.items[0].ID == id })
	if !s.trashBar.restore.Visible() || !s.trashBar.restore.Disabled() || s.trashBar.newBtn.Visible() {
		t.Fatalf("trash buttons: restore visible %v disabled %v, new visible %v",
			s.trashBar.restore.Visible(), s.trashBar.restore.Disabled(), s.trashBar.newBtn.Visible())
	}
	if line := rowLine(s.items[0], testStart); !strings.HasPrefix(line, "trashed today 09:00 by Tester · was draft") {
		t.Errorf("trash row = %q", line)
	}
	s.list.Select(0)
	if s.editor.Current() != nil {
		t.Errorf("picking in the trash opened %q in the editor", s.editor.Current().Slug)
	}
	test.Tap(s.trashBar.restore)
	q.waitUntil(t, "the article restored and open", func() bool {
		a, err := st.GetArticle(ctx, id)
		cur := s.editor.Current()
		return err == nil && a.Headline == "Budget vote delayed" && cur != nil && cur.ID == id && len(s.items) == 2
	})
	if s.inTrash() {
		t.Error("still showing the trash after restore")
	}
}

func TestArticlesScreenEmptyTrashAsksAndDeletesForGood(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	ctx := context.Background()
	gone := &domain.Article{Slug: "gone", Headline: "Gone story", Status: domain.StatusDraft}
	kept := &domain.Article{Slug: "kept", Headline: "Kept story", Status: domain.StatusDraft}
	for _, a := range []*domain.Article{gone, kept} {
		if err := st.CreateArticle(ctx, a, "t"); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.TrashArticle(ctx, gone.ID, "t"); err != nil {
		t.Fatal(err)
	}
	s, w, q := articlesWindow(t, st)
	s.statusPick.SetSelected(trashFilter)
	q.waitUntil(t, "the trash listed", func() bool { return len(s.items) == 1 })
	// Cancel keeps it.
	test.Tap(s.trashBar.empty)
	cancel := findButton(w.Canvas().Overlays().Top(), "Cancel")
	if cancel == nil || findButton(w.Canvas().Overlays().Top(), "Delete for good") == nil {
		t.Fatal("no confirmation with Cancel and Delete for good")
	}
	test.Tap(cancel)
	q.settle()
	if trash, _ := st.ListTrash(ctx); len(trash) != 1 {
		t.Fatalf("cancel emptied the trash: %v", trash)
	}
	test.Tap(s.trashBar.empty)
	test.Tap(findButton(w.Canvas().Overlays().Top(), "Delete for good"))
	q.waitUntil(t, "the trash emptied", func() bool { return len(s.items) == 0 })
	if _, err := st.TrashedBySlug(ctx, "gone"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("the trashed article survived: %v", err)
	}
	if _, err := st.GetArticle(ctx, kept.ID); err != nil {
		t.Errorf("the live article went too: %v", err)
	}
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
