package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestViewerIgnoresEdits(t *testing.T) {
	test.NewTempApp(t)
	v := NewViewer()
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	v.SetText("Fixed text.", false)
	v.ed.SetCursorOffset(5)
	v.ed.TypedRune('x')
	v.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	v.ed.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	clip := test.NewClipboard()
	clip.SetContent("pasted")
	v.ed.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	v.ed.Select(0, 5)
	v.ed.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	v.ed.TypedShortcut(&fyne.ShortcutRedo{})
	if got := v.Text(); got != "Fixed text." {
		t.Fatalf("read-only text became %q", got)
	}
	if clip.Content() != "Fixed" || v.SelectedText() != "Fixed" {
		t.Fatalf("cut did not copy: clipboard %q, selection %q", clip.Content(), v.SelectedText())
	}
}

func TestViewerKeepsScroll(t *testing.T) {
	test.NewTempApp(t)
	v := NewViewer()
	w := test.NewWindow(v)
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	text := genBody(20000)
	v.SetText(text, false)
	v.SetScrollOffset(900)
	if v.ScrollOffset() != 900 {
		t.Fatalf("could not scroll: offset %v", v.ScrollOffset())
	}
	v.SetText("# New headline\n"+text, true)
	if got := v.ScrollOffset(); got != 900 {
		t.Fatalf("an update moved the view to %v, want 900", got)
	}
	v.SetText("Short.", true)
	if got := v.ScrollOffset(); got != 0 {
		t.Fatalf("scrolled to %v in a text that fits", got)
	}
	v.SetText(text, false)
	if got := v.ScrollOffset(); got != 0 {
		t.Fatalf("a new text opened scrolled to %v", got)
	}
}

func TestWordCounterCountsAtOnceAndFollowsEdits(t *testing.T) {
	test.NewTempApp(t)
	e := NewEditor()
	e.SetText("one two\nthree")
	if e.WordCount() != 0 {
		t.Fatalf("without a counter WordCount is %d", e.WordCount())
	}
	e.SetWordCounter(testWordCount)
	if e.WordCount() != 3 {
		t.Fatalf("after SetWordCounter WordCount is %d, want 3", e.WordCount())
	}
	e.SetCursorOffset(len("one two"))
	e.InsertAtCursor(" four\nfive")
	if e.WordCount() != 5 {
		t.Fatalf("after an insertion WordCount is %d, want 5", e.WordCount())
	}
}
