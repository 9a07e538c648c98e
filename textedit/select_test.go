package textedit

import (
	"time"

	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// pointAt returns the widget position of the caret place before byte
// offset off (text must fit in one line per paragraph).
func pointAt(e *Editor, off int) fyne.Position {
	pos := e.doc.posAt(off)
	p := e.doc.paras[pos.p]
	l := p.lines[e.lineIndex(pos, false)]
	x := e.lineX(p, l, pos.off) + 0.4
	return fyne.NewPos(e.pad()+x, e.pad()+e.paraY[pos.p]-e.offsetY+e.m.lineHeight(p.style)/2)
}

func press(e *Editor, pt fyne.Position, mod fyne.KeyModifier) {
	e.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary, Modifier: mod})
	e.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pt}, Button: desktop.MouseButtonPrimary})
}

func TestBodyMouseSelection(t *testing.T) {
	test.NewTempApp(t)
	const text = "Alpha beta gamma\nSecond line of text"
	e, _, clk := newTestBody(t, text, 600, 300)

	press(e, pointAt(e, 7), 0) // inside "beta"
	if e.CursorOffset() != 7 || e.SelectedText() != "" {
		t.Fatalf("click: caret %d selection %q", e.CursorOffset(), e.SelectedText())
	}
	clk.advance(100 * time.Millisecond)
	press(e, pointAt(e, 7), 0)
	if got := e.SelectedText(); got != "beta" {
		t.Fatalf("double click selected %q, want beta", got)
	}
	clk.advance(100 * time.Millisecond)
	press(e, pointAt(e, 7), 0)
	if got := e.SelectedText(); got != "Alpha beta gamma" {
		t.Fatalf("triple click selected %q", got)
	}
	clk.advance(time.Second)
	press(e, pointAt(e, 0), 0)
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pointAt(e, 23)}})
	e.DragEnd()
	if got := e.SelectedText(); got != "Alpha beta gamma\nSecond" {
		t.Fatalf("drag selected %q", got)
	}
	clk.advance(time.Second)
	press(e, pointAt(e, 3), fyne.KeyModifierShift)
	if got := e.SelectedText(); got != "Alp" {
		t.Fatalf("shift+click selected %q", got)
	}
	if !e.focused {
		t.Fatalf("clicking did not focus the editor")
	}
}

func TestBodyTapAndDoubleTap(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "one two three", 600, 300)
	test.TapAt(e, pointAt(e, 9))
	if got := e.CursorOffset(); got != 9 {
		t.Fatalf("tap put the caret at %d", got)
	}
	e.DoubleTapped(&fyne.PointEvent{Position: pointAt(e, 5)})
	if got := e.SelectedText(); got != "two" {
		t.Fatalf("double tap selected %q", got)
	}
}

func TestBodyKeyboardSelection(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "Hello world again\nNext", 600, 300)
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, fyne.KeyRight)
	key(e, fyne.KeyRight)
	if got := e.SelectedText(); got != "He" {
		t.Fatalf("shift+right twice selected %q", got)
	}
	key(e, fyne.KeyEnd)
	if got := e.SelectedText(); got != "Hello world again" {
		t.Fatalf("shift+end selected %q", got)
	}
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, fyne.KeyLeft) // collapses to the selection start
	if e.SelectedText() != "" || e.CursorOffset() != 0 {
		t.Fatalf("left did not collapse the selection: %q at %d", e.SelectedText(), e.CursorOffset())
	}
	ctrl(e, fyne.KeyRight, true)
	if got := e.SelectedText(); got != "Hello " {
		t.Fatalf("ctrl+shift+right selected %q", got)
	}
	ctrl(e, fyne.KeyEnd, true)
	if got := e.SelectedText(); got != "Hello world again\nNext" {
		t.Fatalf("ctrl+shift+end selected %q", got)
	}
	e.Select(6, 11)
	if got := e.SelectedText(); got != "world" || e.CursorOffset() != 11 {
		t.Fatalf("Select(6,11) gave %q caret %d", got, e.CursorOffset())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if got := e.SelectedText(); got != e.Text() {
		t.Fatalf("select all selected %q", got)
	}
}

func TestBodyClipboard(t *testing.T) {
	app := test.NewTempApp(t)
	cb := app.Clipboard()
	e, _, _ := newTestBody(t, "Keep this sentence.", 600, 300)
	var changes []string
	e.OnChanged = func(s string) { changes = append(changes, s) }

	e.Select(5, 9)
	e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: cb})
	if cb.Content() != "this" {
		t.Fatalf("copy put %q on the clipboard", cb.Content())
	}
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: cb})
	if e.Text() != "Keep  sentence." || cb.Content() != "this" {
		t.Fatalf("cut left %q, clipboard %q", e.Text(), cb.Content())
	}
	ctrl(e, fyne.KeyEnd, false)
	cb.SetContent(" More\r\nlines")
	e.TypedShortcut(&fyne.ShortcutPaste{}) // no clipboard in the event: uses the app's
	if e.Text() != "Keep  sentence. More\nlines" {
		t.Fatalf("paste gave %q", e.Text())
	}
	if len(changes) != 2 || changes[1] != e.Text() {
		t.Fatalf("OnChanged calls: %q", changes)
	}
	e.Undo()
	if e.Text() != "Keep  sentence." {
		t.Fatalf("undoing the paste gave %q", e.Text())
	}
	e.Undo()
	if e.Text() != "Keep this sentence." || e.SelectedText() != "this" {
		t.Fatalf("undoing the cut gave %q with selection %q", e.Text(), e.SelectedText())
	}
}

func TestBodyInsertAtCursorAndOffsets(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "Первый абзац\nSecond", 600, 300)
	if e.CursorOffset() != 0 {
		t.Fatalf("SetText left the caret at %d", e.CursorOffset())
	}
	e.SetCursorOffset(len("Первый абзац") + 1)
	e.InsertAtCursor("{{quote harf}}\n")
	if e.Text() != "Первый абзац\n{{quote harf}}\nSecond" {
		t.Fatalf("insert gave %q", e.Text())
	}
	if e.CursorOffset() != len("Первый абзац\n{{quote harf}}\n") {
		t.Fatalf("caret after insert at %d", e.CursorOffset())
	}
	e.SetCursorOffset(3) // inside the two-byte "е": snaps back to a rune start
	if e.CursorOffset() != 2 {
		t.Fatalf("offset inside a rune snapped to %d", e.CursorOffset())
	}
	e.SetCursorOffset(1 << 30)
	if e.CursorOffset() != len(e.Text()) {
		t.Fatalf("huge offset clamped to %d", e.CursorOffset())
	}
	e.SetCursorOffset(-5)
	if e.CursorOffset() != 0 {
		t.Fatalf("negative offset clamped to %d", e.CursorOffset())
	}
}
