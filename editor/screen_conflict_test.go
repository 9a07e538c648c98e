package editor

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/storage"
)

// TestEditorSavesAndNeverOverwritesAnotherSave: typing reaches the store
// by autosave; when another process saved meanwhile, the editor stops
// saving and asks, and "keep mine as a copy" keeps both texts.
func TestEditorSavesAndNeverOverwritesAnotherSave(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "c.db")
	st, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	a := &domain.Article{Slug: "story", Headline: "Story", Body: "First paragraph.", Status: domain.StatusDraft}
	if err := st.CreateArticle(ctx, a, "t"); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 700))
	s := NewScreen(st, w, func() string { return "Tester" }, newTestScheduler())
	w.SetContent(s.Content())
	s.Load(a.ID, FocusBody)
	waitFor(t, s, "the article open", func() bool { return s.Current() != nil })
	for _, r := range "Mine " {
		s.Body().TypedRune(r)
	}
	waitFor(t, s, "the autosave", func() bool {
		got, _ := st.GetArticle(ctx, a.ID)
		return got.Body == "Mine First paragraph."
	})

	// Another process saves a newer version.
	other, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	theirs, _ := other.GetArticle(ctx, a.ID)
	theirs.Body = "Theirs."
	if _, err := other.SaveArticle(ctx, theirs, "someone else"); err != nil {
		t.Fatal(err)
	}
	for _, r := range "more " {
		s.Body().TypedRune(r)
	}
	waitFor(t, s, "the conflict question", func() bool { return s.save.blocked && w.Canvas().Overlays().Top() != nil })
	fakeOf(s).Advance(2 * saveMaxWait)
	if got, _ := st.GetArticle(ctx, a.ID); got.Body != "Theirs." {
		t.Fatalf("their save was overwritten: %q", got.Body)
	}
	// Keep mine as a copy: both texts survive.
	s.saveAsCopy(cloneArticle(s.Current()))
	waitFor(t, s, "the copy", func() bool {
		cp, err := st.GetArticleBySlug(ctx, "story-copy-1")
		return err == nil && cp.Body == "Mine more First paragraph." && cp.Status == domain.StatusDraft
	})
	if got, _ := st.GetArticle(ctx, a.ID); got.Body != "Theirs." {
		t.Fatalf("keeping a copy changed their article: %q", got.Body)
	}
}
