package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func ctrl(e *Editor, name fyne.KeyName, shift bool) {
	mod := fyne.KeyModifierControl
	if shift {
		mod |= fyne.KeyModifierShift
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
}

func TestBodyCaretMoves(t *testing.T) {
	test.NewTempApp(t)
	const text = "Hello, big world.\nSecond paragraph here"
	cases := []struct {
		name  string
		start int
		act   func(e *Editor)
		want  int
	}{
		{"right", 0, func(e *Editor) { key(e, fyne.KeyRight) }, 1},
		{"left at start stays", 0, func(e *Editor) { key(e, fyne.KeyLeft) }, 0},
		{"right crosses paragraph", 17, func(e *Editor) { key(e, fyne.KeyRight) }, 18},
		{"left crosses paragraph", 18, func(e *Editor) { key(e, fyne.KeyLeft) }, 17},
		{"end", 3, func(e *Editor) { key(e, fyne.KeyEnd) }, 17},
		{"home", 20, func(e *Editor) { key(e, fyne.KeyHome) }, 18},
		{"word right", 0, func(e *Editor) { ctrl(e, fyne.KeyRight, false) }, 7},
		{"word right twice", 0, func(e *Editor) { ctrl(e, fyne.KeyRight, false); ctrl(e, fyne.KeyRight, false) }, 11},
		{"word left from inside word", 9, func(e *Editor) { ctrl(e, fyne.KeyLeft, false) }, 7},
		{"word left over punctuation", 7, func(e *Editor) { ctrl(e, fyne.KeyLeft, false) }, 0},
		{"word right at paragraph end", 17, func(e *Editor) { ctrl(e, fyne.KeyRight, false) }, 18},
		{"ctrl end", 2, func(e *Editor) { ctrl(e, fyne.KeyEnd, false) }, len(text)},
		{"ctrl home", 30, func(e *Editor) { ctrl(e, fyne.KeyHome, false) }, 0},
		{"down keeps column", 2, func(e *Editor) { key(e, fyne.KeyDown) }, 20},
		{"up keeps column", 20, func(e *Editor) { key(e, fyne.KeyUp) }, 2},
		{"down on last line goes to end", 30, func(e *Editor) { key(e, fyne.KeyDown) }, len(text)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, _, _ := newTestBody(t, text, 600, 300)
			e.SetCursorOffset(c.start)
			c.act(e)
			if got := e.CursorOffset(); got != c.want {
				t.Fatalf("caret at %d, want %d", got, c.want)
			}
		})
	}
}

func TestBodyHomeEndOnWrappedLine(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, genBody(2000), 300, 400)
	p := e.doc.paras[0]
	if len(p.lines) < 3 {
		t.Fatalf("expected a wrapped first paragraph, got %d lines", len(p.lines))
	}
	l := p.lines[1]
	e.SetCursorOffset(l.start + 2)
	key(e, fyne.KeyEnd)
	if got := e.CursorOffset(); got != l.end-1 {
		t.Fatalf("End on a soft-wrapped line went to %d, want %d (before the hanging space)", got, l.end-1)
	}
	if e.lineIndex(e.caret, e.caretUp) != 1 {
		t.Fatalf("End left the line")
	}
	key(e, fyne.KeyHome)
	if got := e.CursorOffset(); got != l.start {
		t.Fatalf("Home went to %d, want %d", got, l.start)
	}
	key(e, fyne.KeyDown)
	if e.lineIndex(e.caret, false) != 2 {
		t.Fatalf("Down did not reach the next visual line")
	}
}

func TestBodyPageDownScrollsAndMoves(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, genBody(20000), 600, 400)
	key(e, fyne.KeyPageDown)
	_, y, _ := e.caretRect()
	if y < 300 || e.offsetY <= 0 {
		t.Fatalf("PageDown put the caret at y=%.0f with scroll %.0f", y, e.offsetY)
	}
	if y < e.offsetY || y > e.offsetY+e.viewHeight() {
		t.Fatalf("caret y=%.0f is outside the view %.0f..%.0f", y, e.offsetY, e.offsetY+e.viewHeight())
	}
	key(e, fyne.KeyPageUp)
	if e.CursorOffset() > 200 || e.offsetY != 0 {
		t.Fatalf("PageUp went to %d with scroll %.0f", e.CursorOffset(), e.offsetY)
	}
}

func TestBodyCaretStaysInView(t *testing.T) {
	test.NewTempApp(t)
	text := genBody(30000)
	e, _, _ := newTestBody(t, text, 600, 400)
	e.SetCursorOffset(len(text) - 10)
	_, y, h := e.caretRect()
	if y < e.offsetY || y+h > e.offsetY+e.viewHeight()+0.5 {
		t.Fatalf("caret y=%.0f not in view %.0f..%.0f", y, e.offsetY, e.offsetY+e.viewHeight())
	}
	ctrl(e, fyne.KeyHome, false)
	if e.offsetY != 0 {
		t.Fatalf("Ctrl+Home left the view scrolled to %.0f", e.offsetY)
	}
}

func TestBodyScrollWheelAndBar(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, genBody(30000), 600, 400)
	e.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if e.offsetY != 120 {
		t.Fatalf("wheel scrolled to %.0f, want 120", e.offsetY)
	}
	e.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 1e6)})
	if e.offsetY != 0 {
		t.Fatalf("scrolling up past the top gave %.0f", e.offsetY)
	}
	// press on the bar's track near the bottom: jumps near the end
	bar := fyne.NewPos(e.Size().Width-2, e.Size().Height-5)
	e.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: bar}, Button: desktop.MouseButtonPrimary})
	if e.offsetY < e.maxScroll()*0.9 {
		t.Fatalf("clicking the bottom of the track scrolled to %.0f of %.0f", e.offsetY, e.maxScroll())
	}
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(bar.X, 0)}})
	e.DragEnd()
	if e.offsetY > e.maxScroll()*0.1 {
		t.Fatalf("dragging the thumb to the top left scroll at %.0f", e.offsetY)
	}
	if e.CursorOffset() != 0 {
		t.Fatalf("using the scroll bar moved the caret to %d", e.CursorOffset())
	}
}

func TestBodyMadeShorterKeepsTheCaretInView(t *testing.T) {
	test.NewTempApp(t)
	text := genBody(30000)
	e, win, _ := newTestBody(t, text, 600, 400)
	win.Canvas().Focus(e)
	e.SetCursorOffset(len(text) - 10)
	_, y, h := e.caretRect()
	if y+h > e.offsetY+e.viewHeight()+0.5 {
		t.Fatalf("caret y=%.0f not in view before the resize", y)
	}
	win.Resize(fyne.NewSize(600, 300)) // a notice appears above the body
	_, y, h = e.caretRect()
	if y < e.offsetY || y+h > e.offsetY+e.viewHeight()+0.5 {
		t.Fatalf("after the body got shorter the caret y=%.0f..%.0f is outside the view %.0f..%.0f",
			y, y+h, e.offsetY, e.offsetY+e.viewHeight())
	}

	// A caret the reader scrolled away from stays out of view.
	e.SetScrollOffset(0)
	before := e.offsetY
	win.Resize(fyne.NewSize(600, 250))
	if e.offsetY != before {
		t.Fatalf("a resize scrolled to the caret the reader had scrolled away from (%.0f → %.0f)", before, e.offsetY)
	}
}
