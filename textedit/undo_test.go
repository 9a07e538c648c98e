package textedit

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// typeSlowly types s with gap between keystrokes on the fake clock.
func typeSlowly(e *Editor, clk *fakeClock, s string, gap time.Duration) {
	for _, r := range s {
		clk.advance(gap)
		e.TypedRune(r)
	}
}

func TestBodyUndoCoalescing(t *testing.T) {
	test.NewTempApp(t)
	fast := 100 * time.Millisecond
	cases := []struct {
		name  string
		steps func(e *Editor, clk *fakeClock)
		// texts after each successive Undo, ending with the original
		undos []string
	}{
		{"a word is one step", func(e *Editor, clk *fakeClock) {
			typeSlowly(e, clk, "news", fast)
		}, []string{""}},
		{"words are separate steps", func(e *Editor, clk *fakeClock) {
			typeSlowly(e, clk, "hello world", fast)
		}, []string{"hello ", ""}},
		{"a pause splits a word", func(e *Editor, clk *fakeClock) {
			typeSlowly(e, clk, "abc", fast)
			clk.advance(2 * time.Second)
			typeSlowly(e, clk, "def", fast)
		}, []string{"abc", ""}},
		{"a caret jump splits", func(e *Editor, clk *fakeClock) {
			typeSlowly(e, clk, "abc", fast)
			key(e, fyne.KeyLeft)
			key(e, fyne.KeyRight)
			typeSlowly(e, clk, "def", fast)
		}, []string{"abc", ""}},
		{"backspaces coalesce", func(e *Editor, clk *fakeClock) {
			typeSlowly(e, clk, "abcdef", fast)
			clk.advance(2 * time.Second)
			for i := 0; i < 3; i++ {
				clk.advance(fast)
				key(e, fyne.KeyBackspace)
			}
		}, []string{"abcdef", ""}},
		{"newline joins the typing run", func(e *Editor, clk *fakeClock) {
			typeSlowly(e, clk, "ab\ncd", fast)
		}, []string{"ab\n", ""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, _, clk := newTestBody(t, "", 600, 300)
			c.steps(e, clk)
			final := e.Text()
			for i, want := range c.undos {
				e.Undo()
				if e.Text() != want {
					t.Fatalf("after undo %d: %q, want %q", i+1, e.Text(), want)
				}
			}
			if e.CanUndo() {
				t.Fatalf("history has more steps than expected")
			}
			for range c.undos {
				e.Redo()
			}
			if e.Text() != final {
				t.Fatalf("redo all gave %q, want %q", e.Text(), final)
			}
		})
	}
}

func TestBodyUndoShortcuts(t *testing.T) {
	test.NewTempApp(t)
	e, _, clk := newTestBody(t, "Start", 600, 300)
	ctrl(e, fyne.KeyEnd, false)
	typeSlowly(e, clk, " more", 50*time.Millisecond)
	changed := 0
	e.OnChanged = func(string) { changed++ }
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if e.Text() != "Start " || changed != 1 {
		t.Fatalf("Ctrl+Z gave %q (OnChanged %d times)", e.Text(), changed)
	}
	ctrl(e, fyne.KeyZ, true) // Ctrl+Shift+Z
	if e.Text() != "Start more" {
		t.Fatalf("Ctrl+Shift+Z gave %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	e.TypedShortcut(&fyne.ShortcutRedo{}) // Ctrl+Y
	if e.Text() != "Start more" {
		t.Fatalf("Ctrl+Y gave %q", e.Text())
	}
	if e.CursorOffset() != len("Start more") {
		t.Fatalf("caret after redo at %d", e.CursorOffset())
	}
	e.Undo()
	typeSlowly(e, clk, "X", time.Second)
	if e.CanRedo() {
		t.Fatalf("a new edit must clear the redo stack")
	}
}

func TestBodyTypingReplacesSelection(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "The old title", 600, 300)
	e.Select(4, 7)
	test.Type(e, "new")
	if e.Text() != "The new title" {
		t.Fatalf("typing over a selection gave %q", e.Text())
	}
	e.Undo()
	if e.Text() != "The old title" || e.SelectedText() != "old" {
		t.Fatalf("undo gave %q selecting %q", e.Text(), e.SelectedText())
	}
	e.Select(0, 4)
	key(e, fyne.KeyDelete)
	if e.Text() != "old title" {
		t.Fatalf("delete with selection gave %q", e.Text())
	}
	ctrl(e, fyne.KeyEnd, false)
	ctrl(e, fyne.KeyBackspace, false)
	if e.Text() != "old " {
		t.Fatalf("ctrl+backspace gave %q", e.Text())
	}
}

func TestBodyReadOnly(t *testing.T) {
	app := test.NewTempApp(t)
	e, _, _ := newTestBody(t, "fixed text", 600, 300)
	e.SetReadOnly(true)
	test.Type(e, "typed")
	key(e, fyne.KeyBackspace)
	e.InsertAtCursor("inserted")
	e.Select(0, 5)
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: app.Clipboard()})
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: app.Clipboard()})
	if e.Text() != "fixed text" || !e.ReadOnly() {
		t.Fatalf("read-only editor changed to %q", e.Text())
	}
	if app.Clipboard().Content() != "fixed" {
		t.Fatalf("copying from a read-only editor gave %q", app.Clipboard().Content())
	}
	e.SetReadOnly(false)
	test.Type(e, "new")
	if e.Text() != "new text" {
		t.Fatalf("editable again: %q", e.Text())
	}
}

func TestBodyScrollOffset(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, genBody(20000), 600, 300)
	e.SetScrollOffset(500)
	if e.ScrollOffset() != 500 {
		t.Fatalf("scroll offset %v, want 500", e.ScrollOffset())
	}
	e.SetScrollOffset(1e9)
	if e.ScrollOffset() != e.maxScroll() {
		t.Fatalf("scroll offset %v, want clamped to %v", e.ScrollOffset(), e.maxScroll())
	}
}
