package textedit

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Editor is a multi-line, word-wrapping plain-text editor (article bodies)
// that stays fast on long texts: words are measured once through a width
// cache, only the paragraph an edit touches is re-wrapped, and only the
// lines inside the viewport get canvas objects.
//
// All methods must be called on the Fyne UI goroutine (use fyne.Do from
// other goroutines). OnChanged is also called on the UI goroutine.
type Editor struct {
	widget.BaseWidget

	// OnChanged is called with the full text after every user edit, undo,
	// redo or InsertAtCursor (not after SetText).
	OnChanged func(text string)
	// ContextItems, when set, gives the context menu's first items for
	// the text offset it was opened at (spelling suggestions, say).
	ContextItems func(offset int) []*fyne.MenuItem
	// OnKey, when set, is given the keys and modified keys the editor
	// does not handle itself (F3, Ctrl+F, Ctrl+H…), with the modifiers
	// held (Shift for a plain key).
	OnKey func(key fyne.KeyName, mod fyne.KeyModifier)
	// OnCaretMoved, when set, is given the caret's byte offset in Text()
	// whenever the caret is shown after a move or an edit (a preview
	// follows it).
	OnCaretMoved func(offset int)
	// OnSubmitted is called with the text when Enter is pressed in a
	// field (NewField, NewParagraphField).
	OnSubmitted func(text string)
	// OnTypedKey, when set, sees each key first; returning true means it
	// handled the key (a search field opening its results on Down).
	OnTypedKey func(k *fyne.KeyEvent) bool
	// OnPaste, when set, sees each paste (Ctrl+V, the menus' Paste) of an
	// editable editor first, with the clipboard's text ("" when it holds
	// none); returning true means it took the paste (an image placed
	// instead of the text), false pastes the text as usual.
	OnPaste func(text string) bool
	// KeepsTab, when set and true, keeps Tab in the editor (fyne.Tabbable):
	// it reaches OnTypedKey instead of moving the focus on (a find bar's
	// query going to its replacement).
	KeepsTab func() bool
	// OnFocusGained, when set, is called after the editor gained the
	// focus (a form scrolls the field into view).
	OnFocusGained func()

	field fieldMode
	valid validation

	doc bodyDoc
	m   bodyMeasurer

	caret, anchor bodyPos
	// caretUp shows a caret sitting on a soft line break at the end of the
	// upper line instead of the start of the lower one.
	caretUp bool
	goalX   float32 // remembered x for Up/Down, valid when goalOK
	goalOK  bool

	focused   bool
	shiftDown bool
	readOnly  bool
	smart     bool // typographic quotes and dashes as you type (smart.go)

	offsetY float32   // vertical scroll offset
	wrapW   float32   // width the paragraphs are wrapped for
	paraY   []float32 // top of each paragraph, plus total height at the end
	yOK     bool

	undo bodyUndo
	now  func() time.Time

	clicks      int
	lastClick   time.Time
	lastClickAt fyne.Position
	pressed     bool    // MouseDown handled the press Tapped reports
	barDrag     bool    // dragging the scroll bar thumb
	barGrab     float32 // offset of the pointer inside the thumb
}

var (
	_ fyne.Focusable      = (*Editor)(nil)
	_ fyne.Tabbable       = (*Editor)(nil)
	_ fyne.Tappable       = (*Editor)(nil)
	_ fyne.DoubleTappable = (*Editor)(nil)
	_ fyne.Draggable      = (*Editor)(nil)
	_ fyne.Shortcutable   = (*Editor)(nil)
	_ fyne.Scrollable     = (*Editor)(nil)
	_ desktop.Mouseable   = (*Editor)(nil)
	_ desktop.Keyable     = (*Editor)(nil)
	_ desktop.Cursorable  = (*Editor)(nil)
	_ fyne.WidgetRenderer = (*bodyRenderer)(nil)
)

// NewEditor returns an empty editor.
func NewEditor() *Editor {
	e := &Editor{now: time.Now}
	e.doc.setText("")
	e.ExtendBaseWidget(e)
	return e
}

// SetText replaces the whole text (CRLF and CR become LF, invalid UTF-8
// becomes U+FFFD), clears undo history and selection, puts the caret at
// the start and scrolls to the top. OnChanged is not called.
func (e *Editor) SetText(text string) {
	e.doc.setText(e.fieldText(toValidUTF8(normalizeNewlines(text))))
	e.undo = bodyUndo{}
	e.field.offsetX = 0
	e.revalidate()
	e.caret, e.anchor, e.caretUp, e.goalOK = bodyPos{}, bodyPos{}, false, false
	e.offsetY = 0
	e.yOK = false
	e.Refresh()
}

// Text returns the current text; paragraphs are joined by '\n'.
func (e *Editor) Text() string { return e.doc.String() }

// CursorOffset returns the caret position as a byte offset into Text().
func (e *Editor) CursorOffset() int { return e.doc.offset(e.caret) }

// SetCursorOffset moves the caret to byte offset off in Text() (clamped and
// snapped to a character start), clears the selection and scrolls the caret
// into view.
func (e *Editor) SetCursorOffset(off int) { e.Select(off, off) }

// Select selects the bytes [start, end) of Text() (clamped, in any order),
// puts the caret at end and scrolls it into view. Used to jump to findings.
func (e *Editor) Select(start, end int) {
	e.undo.seal()
	e.anchor = e.snap(e.doc.posAt(start))
	e.caret = e.snap(e.doc.posAt(end))
	e.caretUp, e.goalOK = false, false
	e.showCaret()
}

// SelectionRange returns the selected byte range [start, end) of Text();
// start == end when nothing is selected.
func (e *Editor) SelectionRange() (start, end int) {
	a, b := orderPos(e.anchor, e.caret)
	return e.doc.offset(a), e.doc.offset(b)
}

// SelectedText returns the selected text, or "" when nothing is selected.
func (e *Editor) SelectedText() string {
	a, b := orderPos(e.anchor, e.caret)
	return e.doc.slice(a, b)
}

// InsertAtCursor replaces the selection (or inserts at the caret) with s as
// one undo step, then calls OnChanged.
func (e *Editor) InsertAtCursor(s string) {
	e.undo.seal()
	e.replaceSelection(e.fieldText(toValidUTF8(normalizeNewlines(s))), editOther)
	e.undo.seal()
}

// Undo reverts the last edit step, if any.
func (e *Editor) Undo() { e.applyUndo(true) }

// Redo re-applies the last undone step, if any.
func (e *Editor) Redo() { e.applyUndo(false) }

// CanUndo reports whether Undo has a step to revert.
func (e *Editor) CanUndo() bool { return len(e.undo.done) > 0 }

// CanRedo reports whether Redo has a step to re-apply.
func (e *Editor) CanRedo() bool { return len(e.undo.undone) > 0 }

// SetReadOnly turns editing off (true) or on. A read-only editor still
// scrolls, selects and copies; only SetText changes its text.
func (e *Editor) SetReadOnly(ro bool) { e.readOnly = ro }

// ReadOnly reports whether editing is off.
func (e *Editor) ReadOnly() bool { return e.readOnly }

// ScrollOffset returns how far the text is scrolled down, in pixels.
func (e *Editor) ScrollOffset() float32 { return e.offsetY }

// SetScrollOffset scrolls the text to y pixels from the top (clamped).
func (e *Editor) SetScrollOffset(y float32) {
	e.ensureLayout()
	e.offsetY = y
	e.clampScroll()
	e.Refresh()
}

// SetWordCounter sets how the words of one line are counted (the
// program's own rule, e.g. domain.WordCount) and counts them at once.
// Without a counter WordCount is 0.
func (e *Editor) SetWordCounter(count func(line string) int) {
	e.doc.countWords = count
	e.doc.recount()
}

// WordCount returns the sum of the word counter over the lines of
// Text(), kept up to date per paragraph as the text changes.
func (e *Editor) WordCount() int { return e.doc.words }

// CreateRenderer is part of fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	return newBodyRenderer(e)
}

// MinSize is small for a body, which is meant to fill the space it is
// given; a field is as high as its rows of text.
func (e *Editor) MinSize() fyne.Size {
	e.ExtendBaseWidget(e)
	if e.field.rows > 0 {
		return e.fieldMinSize()
	}
	return fyne.NewSize(120, 80)
}
