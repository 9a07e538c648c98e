package textedit

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// pad is the space between the widget edge and the text.
func (e *Editor) pad() float32 { return e.Theme().Size(theme.SizeNameInnerPadding) }

// barWidth is the width reserved for the scroll bar on the right.
func (e *Editor) barWidth() float32 { return e.Theme().Size(theme.SizeNameScrollBar) }

// textWidth is the wrapping width for the current widget size; before the
// widget has a size nothing wraps, so no work is wasted on a zero width.
func (e *Editor) textWidth() float32 {
	if e.Size().Width <= 0 || e.field.noWrap {
		return math.MaxFloat32
	}
	w := e.Size().Width - 2*e.pad() - e.barWidth()
	if w < 20 {
		w = 20
	}
	return w
}

// ensureLayout re-wraps whatever paragraphs need it (all of them after a
// resize or theme change, only edited ones after a keystroke) and updates
// the paragraph positions.
func (e *Editor) ensureLayout() {
	e.ensureMeasurer()
	w := e.textWidth()
	changed := w != e.wrapW
	e.wrapW = w
	for _, p := range e.doc.paras {
		if p.lines == nil || p.wrapW != w {
			e.m.wrap(p, w)
			changed = true
		}
	}
	if changed || !e.yOK || len(e.paraY) != len(e.doc.paras)+1 {
		e.paraY = e.paraY[:0]
		y := float32(0)
		for _, p := range e.doc.paras {
			e.paraY = append(e.paraY, y)
			y += float32(len(p.lines)) * e.m.lineHeight(p.style)
		}
		e.paraY = append(e.paraY, y)
		e.yOK = true
	}
	e.clampScroll()
}

// ensureMeasurer drops the measured widths when the theme's text size or
// line spacing (or the field's text size) changed.
func (e *Editor) ensureMeasurer() {
	th := e.Theme()
	if size, sp := th.Size(theme.SizeNameText), th.Size(theme.SizeNameLineSpacing); size != e.m.base || sp != e.m.spacing {
		e.m.reset(size, sp)
		e.m.scale, e.m.style = e.field.scale, e.field.style
		for _, p := range e.doc.paras {
			p.segs, p.lines = nil, nil
		}
	}
}

// contentHeight is the height of all the text.
func (e *Editor) contentHeight() float32 { return e.paraY[len(e.paraY)-1] }

// viewHeight is the height available to text lines.
func (e *Editor) viewHeight() float32 { return e.Size().Height - 2*e.pad() }

func (e *Editor) maxScroll() float32 {
	m := e.contentHeight() - e.viewHeight()
	if m < 0 {
		return 0
	}
	return m
}

func (e *Editor) clampScroll() {
	if e.offsetY > e.maxScroll() {
		e.offsetY = e.maxScroll()
	}
	if e.offsetY < 0 {
		e.offsetY = 0
	}
}

// paraAtY returns the paragraph containing content y (clamped).
func (e *Editor) paraAtY(y float32) int {
	lo, hi := 0, len(e.doc.paras)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if e.paraY[mid] <= y {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// lineIndex returns the index of the wrapped line of pos's paragraph that
// shows the caret at pos.
func (e *Editor) lineIndex(pos bodyPos, up bool) int {
	lines := e.doc.paras[pos.p].lines
	i := len(lines) - 1
	for i > 0 && lines[i].start > pos.off {
		i--
	}
	if up && i > 0 && lines[i].start == pos.off {
		i--
	}
	return i
}

// lineX returns the x of byte offset off on line l of paragraph p. It adds
// up cached token widths, so only a partly covered word is measured (and
// that through the cache too): moving the caret costs almost nothing.
func (e *Editor) lineX(p *bodyPara, l bodyLine, off int) float32 {
	if off <= l.start {
		return 0
	}
	segs := p.segs
	i := segIndex(segs, l.start)
	if i >= len(segs) || segs[i].start != l.start {
		return e.m.measure(p.style, p.text[l.start:off]) // inside a broken long word
	}
	x := float32(0)
	for ; i < len(segs) && segs[i].end <= off; i++ {
		x += segs[i].bw + segs[i].sw
	}
	if i < len(segs) && segs[i].start < off {
		s := segs[i]
		if off <= s.bodyEnd {
			x += e.m.width(p.style, p.text[s.start:off])
		} else {
			x += s.bw + e.m.width(p.style, p.text[s.bodyEnd:off])
		}
	}
	return x
}

// segIndex returns the index of the first segment starting at or after off.
func segIndex(segs []bodySeg, off int) int {
	lo, hi := 0, len(segs)
	for lo < hi {
		mid := (lo + hi) / 2
		if segs[mid].start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// caretRect returns content coordinates of the caret: x, top and height.
func (e *Editor) caretRect() (x, y, h float32) {
	p := e.doc.paras[e.caret.p]
	i := e.lineIndex(e.caret, e.caretUp)
	h = e.m.lineHeight(p.style)
	return e.lineX(p, p.lines[i], e.caret.off), e.paraY[e.caret.p] + float32(i)*h, h
}

// offsetAtX returns the grapheme boundary on line l closest to x.
func (e *Editor) offsetAtX(pi int, l bodyLine, x float32) int {
	p := e.doc.paras[pi]
	b := e.bounds(pi)
	end := l.end
	if l.end < len(p.text) {
		// on a soft-wrapped line the caret may not pass the hanging spaces'
		// first character, or it would land on the next line
		end = e.prevBoundary(pi, l.end)
		if end < l.start {
			end = l.start
		}
	}
	lo, hi := lowerBound(b, l.start), lowerBound(b, end)
	for lo < hi { // last boundary whose prefix width <= x
		mid := (lo + hi + 1) / 2
		if e.lineX(p, l, b[mid]) <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo+1 <= lowerBound(b, end) && lo+1 < len(b) {
		left, right := e.lineX(p, l, b[lo]), e.lineX(p, l, b[lo+1])
		if x-left > right-x {
			return b[lo+1]
		}
	}
	return b[lo]
}

// posAtPoint maps a point in widget coordinates to a text position.
func (e *Editor) posAtPoint(pt fyne.Position) bodyPos {
	e.ensureLayout()
	return e.posAtContent(pt.X-e.pad()+e.field.offsetX, pt.Y-e.pad()+e.offsetY)
}

// posAtContent maps content coordinates to a text position.
func (e *Editor) posAtContent(x, y float32) bodyPos {
	if y < 0 {
		return bodyPos{}
	}
	if y >= e.contentHeight() {
		return e.doc.end()
	}
	pi := e.paraAtY(y)
	p := e.doc.paras[pi]
	i := int((y - e.paraY[pi]) / e.m.lineHeight(p.style))
	if i >= len(p.lines) {
		i = len(p.lines) - 1
	}
	return bodyPos{pi, e.offsetAtX(pi, p.lines[i], x)}
}

// showCaret scrolls so the caret line is visible and refreshes.
func (e *Editor) showCaret() {
	e.ensureLayout()
	_, y, h := e.caretRect()
	if y < e.offsetY {
		e.offsetY = y
	} else if y+h > e.offsetY+e.viewHeight() {
		e.offsetY = y + h - e.viewHeight()
	}
	e.clampScroll()
	e.followCaretX()
	e.Refresh()
	if e.OnCaretMoved != nil {
		e.OnCaretMoved(e.doc.offset(e.caret))
	}
}
