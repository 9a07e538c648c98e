package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// clipboardOf returns the clipboard carried by a shortcut, or the app's.
func clipboardOf(c fyne.Clipboard) fyne.Clipboard {
	if c != nil {
		return c
	}
	return fyne.CurrentApp().Clipboard()
}

// TypedShortcut handles clipboard, select-all, undo/redo and the modified
// navigation keys (Ctrl+Left/Right by word, Ctrl+Home/End, Ctrl+Shift+Z…).
func (e *Editor) TypedShortcut(s fyne.Shortcut) {
	e.ensureLayout()
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		if e.hasSelection() {
			clipboardOf(s.Clipboard).SetContent(e.SelectedText())
		}
	case *fyne.ShortcutCut:
		if e.hasSelection() {
			clipboardOf(s.Clipboard).SetContent(e.SelectedText())
			e.undo.seal()
			e.replaceSelection("", editOther)
		}
	case *fyne.ShortcutPaste:
		text := clipboardOf(s.Clipboard).Content()
		if e.OnPaste != nil && !e.readOnly && !e.valid.disabled && e.OnPaste(text) {
			return
		}
		if text != "" {
			e.InsertAtCursor(text)
		}
	case *fyne.ShortcutSelectAll:
		e.undo.seal()
		e.anchor, e.caret = bodyPos{}, e.doc.end()
		e.Refresh()
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	case *desktop.CustomShortcut:
		e.customShortcut(s.KeyName, s.Modifier)
	}
}

// customShortcut handles modified keys. Control (or Alt, the macOS word
// modifier) moves by words; Control or Super with Home/End/Up/Down goes to
// the document ends; Shift extends the selection.
func (e *Editor) customShortcut(key fyne.KeyName, mod fyne.KeyModifier) {
	ext := mod&fyne.KeyModifierShift != 0
	word := mod&(fyne.KeyModifierControl|fyne.KeyModifierAlt) != 0
	cmd := mod&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
	switch {
	case key == fyne.KeyZ && cmd && ext:
		e.Redo()
	case key == fyne.KeyLeft && word:
		e.moveTo(e.wordLeft(e.caret), ext, false, false)
	case key == fyne.KeyRight && word:
		e.moveTo(e.wordRight(e.caret), ext, false, false)
	case key == fyne.KeyLeft && cmd:
		e.moveTo(e.lineHome(), ext, false, false)
	case key == fyne.KeyRight && cmd:
		end, up := e.lineEnd()
		e.moveTo(end, ext, up, false)
	case (key == fyne.KeyHome || key == fyne.KeyUp) && cmd:
		e.moveTo(bodyPos{}, ext, false, false)
	case (key == fyne.KeyEnd || key == fyne.KeyDown) && cmd:
		e.moveTo(e.doc.end(), ext, false, false)
	case key == fyne.KeyBackspace && word:
		e.deleteTo(e.wordLeft(e.caret), editOther)
	case key == fyne.KeyDelete && word:
		e.deleteTo(e.wordRight(e.caret), editOther)
	case mod == fyne.KeyModifierShortcutDefault && !e.readOnly && e.formatShortcut(key):
	default:
		if e.OnKey != nil {
			e.OnKey(key, mod)
		}
	}
}
