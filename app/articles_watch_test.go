package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/editor"
	"newsroom/storage"
)

// TestAnotherDesksSavesShowWithinASecond: a second store on the same
// newsroom (another desk) adds an article and changes the open one; the
// list and the editor show both within one second, and text typed here is
// never replaced by another desk's save.
func TestAnotherDesksSavesShowWithinASecond(t *testing.T) {
	test.NewTempApp(t)
	st := newTestStore(t)
	other, err := storage.Open(st.Path())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	ctx := context.Background()
	a := &domain.Article{Slug: "council", Headline: "Council story", Body: "The council met.", Status: domain.StatusDraft}
	if err := st.CreateArticle(ctx, a, "t"); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 800))
	q := newScreenTestQueue()
	s := NewArticlesScreen(st, w, func() string { return "Tester" }, q)
	w.SetContent(s.Content())
	q.waitUntil(t, "the list", func() bool { return len(s.items) == 1 })
	s.open(a.ID, editor.FocusNone)
	q.waitUntil(t, "the article open", func() bool { return s.editor.Current() != nil })

	within := func(what string, cond func() bool) {
		t.Helper()
		q.Settle()
		for waited := time.Duration(0); !cond(); waited += 50 * time.Millisecond {
			if waited >= time.Second {
				t.Fatalf("%s did not show within 1 s", what)
			}
			q.Advance(50 * time.Millisecond)
		}
	}
	if err := other.CreateArticle(ctx, &domain.Article{Slug: "bridge", Headline: "Bridge story", Status: domain.StatusDraft}, "other"); err != nil {
		t.Fatal(err)
	}
	within("the other desk's new article", func() bool { return len(s.items) == 2 })

	theirs, err := other.GetArticle(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	theirs.Body = "The council met and voted."
	if _, err := other.SaveArticle(ctx, theirs, "other"); err != nil {
		t.Fatal(err)
	}
	within("the other desk's save in the open article", func() bool { return s.editor.Body().Text() == "The council met and voted." })

	// Typing here, then another save elsewhere: our text stays.
	test.Type(s.editor.Body(), "Ours ")
	mine := s.editor.Body().Text()
	theirs.Body = "Replaced by the other desk"
	if _, err := other.SaveArticle(ctx, theirs, "other"); err != nil {
		t.Fatal(err)
	}
	q.Advance(300 * time.Millisecond)
	q.Settle()
	if got := s.editor.Body().Text(); got != mine || strings.Contains(got, "Replaced") {
		t.Fatalf("unsaved typing was replaced: %q", got)
	}
}
