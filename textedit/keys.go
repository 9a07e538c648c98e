package textedit

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained is part of fyne.Focusable.
func (e *Editor) FocusGained() {
	e.focused = true
	e.Refresh()
	if e.OnFocusGained != nil {
		e.OnFocusGained()
	}
}

// FocusLost is part of fyne.Focusable.
func (e *Editor) FocusLost() {
	e.focused, e.shiftDown = false, false
	e.undo.seal()
	e.Refresh()
}

// KeyDown tracks Shift for keyboard selection (desktop.Keyable).
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shiftDown = true
	}
}

// KeyUp tracks Shift for keyboard selection (desktop.Keyable).
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shiftDown = false
	}
}

// ShiftHeld reports whether Shift is held down now (Shift+Enter means
// something else than Enter in a find bar's field).
func (e *Editor) ShiftHeld() bool { return e.shiftDown }

// AcceptsTab is part of fyne.Tabbable: Tab moves the focus on unless
// KeepsTab says the editor keeps it.
func (e *Editor) AcceptsTab() bool { return e.KeepsTab != nil && e.KeepsTab() }

// TypedRune inserts a typed character, replacing any selection. Tab and
// newline are accepted (CR counts as newline); other control characters
// are ignored.
func (e *Editor) TypedRune(r rune) {
	if r == '\r' {
		r = '\n'
	}
	if unicode.IsControl(r) && r != '\n' && r != '\t' {
		return
	}
	if r == '\t' && e.field.rows > 0 {
		return // Tab moves the focus on; it is never part of a field
	}
	if r == '\n' && e.field.on {
		e.submit()
		return
	}
	e.replaceSelection(string(r), editTyping)
	if e.smart && (r == '"' || r == '\'' || r == '-' || r == '.') {
		e.smarten()
	}
}

// moveTo puts the caret at pos, extending the selection when extend is
// set; up is the caret affinity (see caretUp) and keepGoal keeps the x
// remembered by vertical moves.
func (e *Editor) moveTo(pos bodyPos, extend, up, keepGoal bool) {
	if pos != e.caret {
		e.undo.seal()
	}
	e.caret, e.caretUp = pos, up
	e.goalOK = e.goalOK && keepGoal
	if !extend {
		e.anchor = pos
	}
	e.showCaret()
}

// TypedKey handles editing and navigation keys.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	if e.OnTypedKey != nil && e.OnTypedKey(k) {
		return
	}
	e.ensureLayout()
	ext := e.shiftDown
	keepGoal := false
	up := false
	var to bodyPos
	switch k.Name {
	case fyne.KeyLeft:
		to = e.charLeft(e.caret)
		if e.hasSelection() && !ext {
			to, _ = orderPos(e.anchor, e.caret)
		}
	case fyne.KeyRight:
		to = e.charRight(e.caret)
		if e.hasSelection() && !ext {
			_, to = orderPos(e.anchor, e.caret)
		}
	case fyne.KeyUp:
		to, keepGoal = e.lineStep(-1), true
	case fyne.KeyDown:
		to, keepGoal = e.lineStep(1), true
	case fyne.KeyHome:
		to = e.lineHome()
	case fyne.KeyEnd:
		to, up = e.lineEnd()
	case fyne.KeyPageUp, fyne.KeyPageDown:
		to, keepGoal = e.pageStep(k.Name == fyne.KeyPageDown), true
	case fyne.KeyBackspace:
		e.deleteTo(e.charLeft(e.caret), editBackspace)
		return
	case fyne.KeyDelete:
		e.deleteTo(e.charRight(e.caret), editDeleteFwd)
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.field.on {
			e.submit()
			return
		}
		e.replaceSelection("\n", editTyping)
		return
	case desktop.KeyMenu:
		e.ShowContextMenuAtCaret()
		return
	case fyne.KeyF10:
		if ext {
			e.ShowContextMenuAtCaret()
		}
		return
	case fyne.KeyF7:
		// The next mark (a misspelt word) from the caret, with its menu.
		if m, ok := e.NextMark(e.doc.offset(e.caret)); ok {
			e.Select(m.Start, m.End)
			e.ShowContextMenuAtCaret()
		}
		return
	default:
		if e.OnKey != nil {
			mod := fyne.KeyModifier(0)
			if ext {
				mod = fyne.KeyModifierShift
			}
			e.OnKey(k.Name, mod)
		}
		e.passOn(k)
		return
	}
	e.moveTo(to, ext, up, keepGoal)
}

// passOn gives a key the editor has no use for (Escape, a function key)
// to the window's own key handler, as if nothing had the keyboard: Escape
// closes a dialog from one of its fields.
func (e *Editor) passOn(k *fyne.KeyEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	if handle := c.OnTypedKey(); handle != nil {
		handle(k)
	}
}

// deleteTo deletes the selection, or the text between the caret and to.
func (e *Editor) deleteTo(to bodyPos, kind editKind) {
	if e.hasSelection() {
		e.undo.seal()
		e.replaceSelection("", editOther)
		return
	}
	a, b := orderPos(e.caret, to)
	e.replaceRange(a, b, "", kind)
}

// pageStep moves the caret one viewport up or down and scrolls with it.
func (e *Editor) pageStep(down bool) bodyPos {
	x, y, h := e.caretRect()
	if e.goalOK {
		x = e.goalX
	}
	e.goalX, e.goalOK = x, true
	dy := e.viewHeight() - h
	if dy < h {
		dy = h
	}
	if !down {
		dy = -dy
	}
	e.offsetY += dy
	e.clampScroll()
	return e.posAtContent(x, y+dy+h/2)
}
