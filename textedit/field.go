package textedit

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
)

// fieldMode holds what makes an Editor a form field instead of a body:
// one paragraph, an optional sideways scroll instead of wrapping, a fixed
// number of visible rows, a placeholder and a text size of its own.
type fieldMode struct {
	on     bool    // one paragraph: Enter submits, newlines typed or pasted become spaces
	rows   int     // visible lines (MinSize height); 0 for a body
	noWrap bool    // one line that scrolls sideways to follow the caret
	hint   string  // placeholder shown while the field is empty
	scale  float32 // text size relative to the theme's (1 when unset)
	style  fyne.TextStyle
	minW   float32 // MinSize width, when set
	// offsetX is the sideways scroll of a no-wrap field.
	offsetX float32
}

// NewField returns a one-line field (headline, slug, search box): the
// text does not wrap but scrolls sideways to follow the caret; Enter calls
// OnSubmitted; newlines pasted become spaces; Tab is never inserted, so it
// moves the focus on. Like the body, its caret does not blink: an idle
// window with the caret in a field draws nothing.
func NewField() *Editor {
	e := NewEditor()
	e.field = fieldMode{on: true, noWrap: true, rows: 1, scale: 1}
	e.doc.plain = true
	e.doc.setText("")
	return e
}

// NewParagraphField returns a field of one wrapping paragraph showing rows
// lines (a standfirst): like NewField, but the text wraps and scrolls
// vertically when it is longer than rows lines.
func NewParagraphField(rows int) *Editor {
	e := NewField()
	e.field.noWrap = false
	e.field.rows = max(rows, 1)
	return e
}

// NewLinesField returns a plain multi-line field showing rows lines (a
// list, one item a line): Enter starts a new line, Tab leaves, and no
// line is styled as a heading or quote.
func NewLinesField(rows int) *Editor {
	e := NewParagraphField(rows)
	e.field.on = false
	return e
}

// IsField reports whether e was made by NewField, NewParagraphField or
// NewLinesField.
func (e *Editor) IsField() bool { return e.field.rows > 0 }

// SetPlaceHolder sets the text a field (or an editor) shows, greyed,
// while it is empty.
func (e *Editor) SetPlaceHolder(text string) {
	e.field.hint = text
	e.Refresh()
}

// PlaceHolder returns the field's placeholder text.
func (e *Editor) PlaceHolder() string { return e.field.hint }

// SetTextSize sets the field's text size as a multiple of the theme's
// text size (a headline is set larger) and its style (bold, italic).
func (e *Editor) SetTextStyle(scale float32, style fyne.TextStyle) {
	if scale <= 0 {
		scale = 1
	}
	e.field.scale, e.field.style = scale, style
	e.m.base = 0 // re-measure everything at the next layout
	e.yOK = false
	e.Refresh()
}

// fieldText makes text fit a field: one line, no tabs.
func (e *Editor) fieldText(text string) string {
	if !e.field.on || !strings.ContainsAny(text, "\n\t") {
		return text
	}
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(text)
}

// submit ends a field's input with Enter.
func (e *Editor) submit() {
	e.undo.seal()
	if e.OnSubmitted != nil {
		e.OnSubmitted(e.doc.String())
	}
}

// fieldMinSize is the size of rows lines of text plus padding.
func (e *Editor) fieldMinSize() fyne.Size {
	e.ensureMeasurer()
	h := float32(e.field.rows)*e.m.lineHeight(styleBody) + 2*e.pad()
	return fyne.NewSize(max(e.field.minW, 4*e.m.lineHeight(styleBody)), float32(math.Ceil(float64(h))))
}

// SetMinWidth sets the narrowest a field may be laid out (room for a
// date, say); by default a field is a few characters wide.
func (e *Editor) SetMinWidth(w float32) {
	e.field.minW = w
	e.Refresh()
}

// viewWidth is the width available to text in a no-wrap field.
func (e *Editor) viewWidth() float32 { return e.Size().Width - 2*e.pad() }

// followCaretX scrolls a no-wrap field sideways so the caret is visible
// and no empty space is left on the right of the text.
func (e *Editor) followCaretX() {
	if !e.field.noWrap {
		return
	}
	x, _, _ := e.caretRect()
	vw := e.viewWidth()
	if x < e.field.offsetX {
		e.field.offsetX = x
	} else if x+2 > e.field.offsetX+vw {
		e.field.offsetX = x + 2 - vw
	}
	lineW := x // trailing spaces are not in the line's width
	if p := e.doc.paras[0]; len(p.lines) > 0 {
		lineW = max(lineW, p.lines[len(p.lines)-1].width)
	}
	if limit := lineW + 2 - vw; e.field.offsetX > limit {
		e.field.offsetX = limit
	}
	if e.field.offsetX < 0 {
		e.field.offsetX = 0
	}
}
