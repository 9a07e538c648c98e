package textedit

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Span is a byte range [Start, End) of the editor's text.
type Span struct{ Start, End int }

// markSpan is a marked range inside one paragraph's text.
type markSpan struct{ start, end int }

// SetMarks underlines spans of the text (misspelt words, for example).
// They apply only when text is still the editor's text, since they were
// found in it: marks computed off the UI goroutine for an older text are
// dropped (the next check brings new ones). Marks follow edits elsewhere
// in their paragraph; an edit touching a mark removes it. Only marks on
// the visible lines get canvas objects.
func (e *Editor) SetMarks(text string, spans []Span) bool {
	if text != e.doc.String() {
		return false
	}
	sorted := append([]Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	k := 0
	start := 0
	for _, p := range e.doc.paras {
		p.marks = p.marks[:0]
		end := start + len(p.text)
		for k < len(sorted) && sorted[k].Start < end {
			s := sorted[k]
			if s.Start >= start && s.End <= end && s.Start < s.End {
				p.marks = append(p.marks, markSpan{s.Start - start, s.End - start})
			}
			k++
		}
		start = end + 1
	}
	e.Refresh()
	return true
}

// Marks returns the current marks as spans of Text().
func (e *Editor) Marks() []Span {
	var out []Span
	start := 0
	for _, p := range e.doc.paras {
		for _, m := range p.marks {
			out = append(out, Span{start + m.start, start + m.end})
		}
		start += len(p.text) + 1
	}
	return out
}

// MarkAt returns the mark holding offset (its ends included), if any.
func (e *Editor) MarkAt(offset int) (Span, bool) {
	pos := e.doc.posAt(offset)
	start := e.doc.offset(bodyPos{pos.p, 0})
	for _, m := range e.doc.paras[pos.p].marks {
		if m.start <= pos.off && pos.off <= m.end {
			return Span{start + m.start, start + m.end}, true
		}
	}
	return Span{}, false
}

// NextMark returns the first mark that ends after offset, wrapping round
// to the first mark of the text.
func (e *Editor) NextMark(offset int) (Span, bool) {
	marks := e.Marks()
	for _, m := range marks {
		if m.End > offset {
			return m, true
		}
	}
	if len(marks) > 0 {
		return marks[0], true
	}
	return Span{}, false
}

// Replace substitutes the text of span with s as one undoable edit (a
// spelling suggestion, a style fix) and puts the caret after it.
func (e *Editor) Replace(span Span, s string) {
	n := len(e.doc.String())
	if span.Start < 0 || span.End > n || span.Start > span.End {
		return
	}
	s = e.fieldText(s)
	e.undo.seal()
	e.replaceRange(e.doc.posAt(span.Start), e.doc.posAt(span.End), s, editOther)
	e.undo.seal()
	e.Refresh()
}

// shiftMarks keeps the marks of paragraph p right after its bytes
// [from, to) were replaced by n bytes: marks before move not, marks after
// move by the difference, marks touching the edit go.
func (p *bodyPara) shiftMarks(from, to, n int) {
	if len(p.marks) == 0 {
		return
	}
	kept := p.marks[:0]
	for _, m := range p.marks {
		switch {
		case m.end < from:
			kept = append(kept, m)
		case m.start > to:
			kept = append(kept, markSpan{m.start + n - (to - from), m.end + n - (to - from)})
		}
	}
	p.marks = kept
}

// contextMenu shows the context menu at pos (absolute), with the items of
// ContextItems for the text offset under it before the clipboard actions.
func (e *Editor) contextMenu(offset int, pos fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	e.requestFocus()
	do := func(s fyne.Shortcut) func() { return func() { e.TypedShortcut(s) } }
	var items []*fyne.MenuItem
	if e.ContextItems != nil {
		if extra := e.ContextItems(offset); len(extra) > 0 {
			items = append(extra, fyne.NewMenuItemSeparator())
		}
	}
	items = append(items,
		fyne.NewMenuItem("Cut", do(&fyne.ShortcutCut{})),
		fyne.NewMenuItem("Copy", do(&fyne.ShortcutCopy{})),
		fyne.NewMenuItem("Paste", do(&fyne.ShortcutPaste{})),
		fyne.NewMenuItem("Select all", do(&fyne.ShortcutSelectAll{})),
	)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// ShowContextMenuAtCaret opens the context menu under the caret, as the
// Menu key and Shift+F10 do.
func (e *Editor) ShowContextMenuAtCaret() {
	x, y, h := e.caretRect()
	pad := e.pad()
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.contextMenu(e.doc.offset(e.caret), abs.Add(fyne.NewPos(pad+x, pad+y-e.offsetY+h)))
}
