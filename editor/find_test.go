package editor

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"newsroom/domain"
	"newsroom/textedit"
)

func TestFindBar(t *testing.T) {
	s, st := newPanelScreen(t, &domain.Article{Headline: "Cats", Body: "The cat sat.\n\nA cat ran. Cat!\n\nCatalogue."})
	f := s.find
	if f.shown() {
		t.Fatal("the find bar shows before Ctrl+F")
	}
	s.FocusBody()
	s.body.OnKey(fyne.KeyF, fyne.KeyModifierShortcutDefault) // Ctrl+F in the body
	if !f.shown() || s.win.Canvas().Focused() != f.query {
		t.Fatal("Ctrl+F in the body does not open the find bar with the keyboard in it")
	}
	if ed, ok := s.win.Canvas().Focused().(*textedit.Editor); !ok || !ed.IsField() {
		t.Fatalf("the find query is a %T, not our text engine's field (the stock entry's caret blinks)", s.win.Canvas().Focused())
	}
	test.Type(f.query, "cat")
	if got := f.Count(); got != "1 of 4" {
		t.Errorf("count after typing the query: %q, want 1 of 4", got)
	}
	if got := len(s.body.Highlights()); got != 4 {
		t.Errorf("%d matches highlighted, want 4", got)
	}
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.Count(); got != "2 of 4" {
		t.Errorf("after Enter: %q, want 2 of 4", got)
	}
	f.query.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.query.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := f.Count(); got != "1 of 4" {
		t.Errorf("after Shift+Enter: %q, want 1 of 4", got)
	}
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := f.Count(); got != "1 of 4" {
		t.Errorf("Enter does not wrap round: %q", got)
	}
	s.body.OnKey(fyne.KeyF3, 0)
	if got := s.body.SelectedText(); got != "cat" || f.Count() != "2 of 4" {
		t.Errorf("F3 in the body: selected %q, count %q", got, f.Count())
	}
	f.wordOpt.SetChecked(true)
	if got := len(f.matches); got != 3 {
		t.Errorf("whole words: %d matches, want 3", got)
	}
	f.caseOpt.SetChecked(true)
	if got := len(f.matches); got != 2 {
		t.Errorf("whole words, match case: %d matches, want 2", got)
	}

	f.query.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF3})
	f.query.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := f.Count(); got != "1 of 2" {
		t.Errorf("Shift+F3 in the query: %q, want 1 of 2", got)
	}
	if tab, ok := any(f.query).(fyne.Tabbable); ok && tab.AcceptsTab() {
		t.Error("the query keeps Tab while there is no replacement to go to")
	}

	f.query.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyH, Modifier: fyne.KeyModifierShortcutDefault}) // Ctrl+H in the query
	if !f.replaces.Visible() {
		t.Fatal("Ctrl+H does not show the replace row")
	}
	if tab, ok := any(f.query).(fyne.Tabbable); !ok || !tab.AcceptsTab() {
		t.Fatal("the query lets Tab move the focus through the bar's buttons")
	}
	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
	if s.win.Canvas().Focused() != f.with {
		t.Fatal("Tab from the query does not reach the replacement")
	}
	if ed, ok := s.win.Canvas().Focused().(*textedit.Editor); !ok || !ed.IsField() {
		t.Fatalf("the replacement is a %T, not our text engine's field", s.win.Canvas().Focused())
	}
	test.Type(f.with, "dog")
	f.with.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt})
	want := "The dog sat.\n\nA dog ran. Cat!\n\nCatalogue."
	if got := s.body.Text(); got != want {
		t.Fatalf("after replace all: %q, want %q", got, want)
	}
	if got := f.Count(); got != "Replaced 2" {
		t.Errorf("count after replace all: %q", got)
	}
	s.body.Undo()
	if got := s.body.Text(); got != "The cat sat.\n\nA cat ran. Cat!\n\nCatalogue." {
		t.Errorf("one undo does not take back replace all: %q", got)
	}
	if got := len(s.body.Highlights()); got != 2 {
		t.Errorf("after the undo %d matches highlighted, want 2", got)
	}
	f.selectMatch(1)
	f.replaceOne()
	if got := s.body.Text(); got != "The cat sat.\n\nA dog ran. Cat!\n\nCatalogue." {
		t.Errorf("Replace: %q", got)
	}
	waitFor(t, s, "the replacement saved", func() bool { return stored(t, st, s.article.ID).Body == s.body.Text() })

	f.query.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.shown() || len(s.body.Highlights()) != 0 || s.win.Canvas().Focused() != s.body {
		t.Error("Escape leaves the bar, its highlights or the keyboard")
	}
}

func TestWritingFocused(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "A", Body: "b"})
	s.FocusHeadline()
	if s.WritingFocused() {
		t.Error("the headline counts as the body")
	}
	s.FocusBody()
	if !s.WritingFocused() {
		t.Error("the body does not count")
	}
	s.Find()
	if !s.WritingFocused() {
		t.Error("the find bar does not count")
	}
}

// TestFindBarAfterAnotherArticle: matches found in one article are never
// replaced in the next one opened.
func TestFindBarAfterAnotherArticle(t *testing.T) {
	s, _ := newPanelScreen(t, &domain.Article{Headline: "One", Body: "cat cat"})
	s.FindReplace()
	test.Type(s.find.query, "cat")
	test.Type(s.find.with, "dog")
	other := cloneArticle(s.article)
	other.Body = "a longer text, no felines"
	s.show(other)
	s.find.replaceAll()
	if got := s.body.Text(); got != "a longer text, no felines" {
		t.Errorf("replace all after opening another article: %q", got)
	}
}
