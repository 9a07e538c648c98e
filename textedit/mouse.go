package textedit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// multiClickDelay is the longest gap between clicks of a double or triple
// click.
const multiClickDelay = 500 * time.Millisecond

// thumbGeometry returns the scroll bar thumb's top and height in widget
// coordinates, and false when the whole text fits.
func (e *Editor) thumbGeometry() (y, h float32, ok bool) {
	e.ensureLayout()
	track := e.Size().Height
	content := e.contentHeight() + 2*e.pad()
	if content <= track || track <= 0 {
		return 0, 0, false
	}
	h = max(track*track/content, min(24, track))
	return (track - h) * e.offsetY / e.maxScroll(), h, true
}

// requestFocus focuses the editor in its canvas.
func (e *Editor) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}

// onBar reports whether pt is over the scroll bar.
func (e *Editor) onBar(pt fyne.Position) bool {
	_, _, ok := e.thumbGeometry()
	return ok && pt.X >= e.Size().Width-e.barWidth()
}

// MouseDown places the caret (click), selects a word (double click) or a
// paragraph (triple click); Shift+click extends the selection. On the
// scroll bar it grabs the thumb or jumps to the clicked place.
func (e *Editor) MouseDown(ev *desktop.MouseEvent) {
	e.requestFocus()
	e.pressed = true
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	if e.onBar(ev.Position) {
		ty, th, _ := e.thumbGeometry()
		e.barDrag = true
		if ev.Position.Y < ty || ev.Position.Y > ty+th {
			e.barGrab = th / 2
			e.dragBar(ev.Position.Y)
		} else {
			e.barGrab = ev.Position.Y - ty
		}
		return
	}
	now := e.now()
	d := ev.Position.Subtract(e.lastClickAt)
	if now.Sub(e.lastClick) < multiClickDelay && d.X*d.X+d.Y*d.Y < 36 {
		e.clicks++
	} else {
		e.clicks = 1
	}
	e.lastClick, e.lastClickAt = now, ev.Position
	e.clickAt(ev.Position, e.clicks, ev.Modifier&fyne.KeyModifierShift != 0)
}

// clickAt handles the n-th click of a series at pt.
func (e *Editor) clickAt(pt fyne.Position, n int, extend bool) {
	pos := e.posAtPoint(pt)
	switch {
	case n == 1:
		e.moveTo(pos, extend, false, false)
	case n == 2:
		a, b := e.wordAt(pos)
		e.anchor = a
		e.moveTo(b, true, false, false)
	default:
		e.anchor = bodyPos{pos.p, 0}
		e.moveTo(bodyPos{pos.p, len(e.doc.paras[pos.p].text)}, true, false, false)
	}
}

// dragBar scrolls so the thumb follows the pointer at widget y.
func (e *Editor) dragBar(y float32) {
	_, th, ok := e.thumbGeometry()
	if !ok {
		return
	}
	track := e.Size().Height - th
	if track > 0 {
		e.offsetY = (y - e.barGrab) / track * e.maxScroll()
	}
	e.clampScroll()
	e.Refresh()
}

// MouseUp is part of desktop.Mouseable.
func (e *Editor) MouseUp(*desktop.MouseEvent) { e.barDrag = false }

// Dragged extends the selection to the pointer (scrolling as needed) or
// moves the scroll bar thumb.
func (e *Editor) Dragged(ev *fyne.DragEvent) {
	if e.barDrag {
		e.dragBar(ev.Position.Y)
		return
	}
	e.moveTo(e.posAtPoint(ev.Position), true, false, false)
}

// DragEnd is part of fyne.Draggable.
func (e *Editor) DragEnd() { e.barDrag = false }

// Tapped focuses the editor. On desktop MouseDown already placed the caret;
// elsewhere (touch, tests) the tap places it.
func (e *Editor) Tapped(ev *fyne.PointEvent) {
	e.requestFocus()
	if e.pressed || e.onBar(ev.Position) {
		e.pressed = false
		return
	}
	e.clickAt(ev.Position, 1, false)
}

// DoubleTapped selects the word under the pointer.
func (e *Editor) DoubleTapped(ev *fyne.PointEvent) {
	if e.clicks >= 2 && e.now().Sub(e.lastClick) < multiClickDelay {
		return // MouseDown handled the double click
	}
	e.clickAt(ev.Position, 2, false)
}

// Scrolled scrolls the text by the wheel or touchpad delta.
func (e *Editor) Scrolled(ev *fyne.ScrollEvent) {
	e.ensureLayout()
	e.offsetY -= ev.Scrolled.DY
	e.clampScroll()
	e.Refresh()
}

// Cursor shows the text cursor over the editor.
func (e *Editor) Cursor() desktop.Cursor { return desktop.TextCursor }

// SecondaryTapped shows a context menu with the clipboard actions.
func (e *Editor) SecondaryTapped(ev *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	e.requestFocus()
	do := func(s fyne.Shortcut) func() { return func() { e.TypedShortcut(s) } }
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Cut", do(&fyne.ShortcutCut{})),
		fyne.NewMenuItem("Copy", do(&fyne.ShortcutCopy{})),
		fyne.NewMenuItem("Paste", do(&fyne.ShortcutPaste{})),
		fyne.NewMenuItem("Select all", do(&fyne.ShortcutSelectAll{})),
	)
	widget.ShowPopUpMenuAtPosition(menu, c, ev.AbsolutePosition)
}
