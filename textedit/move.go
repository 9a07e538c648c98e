package textedit

import (
	"unicode"
	"unicode/utf8"
)

// bounds returns the grapheme boundaries of paragraph pi (cached until the
// paragraph changes).
func (e *Editor) bounds(pi int) []int {
	p := e.doc.paras[pi]
	if p.bounds == nil {
		p.bounds = e.m.graphemes(p.text)
	}
	return p.bounds
}

// snap moves pos back to the nearest grapheme boundary.
func (e *Editor) snap(pos bodyPos) bodyPos {
	b := e.bounds(pos.p)
	i := lowerBound(b, pos.off)
	if i < len(b) && b[i] == pos.off {
		return pos
	}
	return bodyPos{pos.p, b[i-1]}
}

// prevBoundary returns the grapheme boundary before off (or 0).
func (e *Editor) prevBoundary(pi, off int) int {
	b := e.bounds(pi)
	i := lowerBound(b, off)
	if i == 0 {
		return 0
	}
	return b[i-1]
}

// nextBoundary returns the grapheme boundary after off (or the end).
func (e *Editor) nextBoundary(pi, off int) int {
	b := e.bounds(pi)
	i := lowerBound(b, off+1)
	if i >= len(b) {
		return len(e.doc.paras[pi].text)
	}
	return b[i]
}

// charLeft returns the position one grapheme before pos, crossing
// paragraph breaks.
func (e *Editor) charLeft(pos bodyPos) bodyPos {
	if pos.off == 0 {
		if pos.p == 0 {
			return pos
		}
		return bodyPos{pos.p - 1, len(e.doc.paras[pos.p-1].text)}
	}
	return bodyPos{pos.p, e.prevBoundary(pos.p, pos.off)}
}

// charRight returns the position one grapheme after pos.
func (e *Editor) charRight(pos bodyPos) bodyPos {
	if pos.off == len(e.doc.paras[pos.p].text) {
		if pos.p == len(e.doc.paras)-1 {
			return pos
		}
		return bodyPos{pos.p + 1, 0}
	}
	return bodyPos{pos.p, e.nextBoundary(pos.p, pos.off)}
}

// isWordRune reports whether r belongs to a word for word-wise moves.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || r == '\'' || r == '’'
}

// wordRight moves to the start of the next word (or paragraph end).
func (e *Editor) wordRight(pos bodyPos) bodyPos {
	t := e.doc.paras[pos.p].text
	if pos.off == len(t) {
		return e.charRight(pos)
	}
	off := pos.off
	for off < len(t) {
		r, n := utf8.DecodeRuneInString(t[off:])
		if !isWordRune(r) {
			break
		}
		off += n
	}
	for off < len(t) {
		r, n := utf8.DecodeRuneInString(t[off:])
		if isWordRune(r) {
			break
		}
		off += n
	}
	return e.snap(bodyPos{pos.p, off})
}

// wordLeft moves to the start of the current or previous word.
func (e *Editor) wordLeft(pos bodyPos) bodyPos {
	if pos.off == 0 {
		return e.charLeft(pos)
	}
	t := e.doc.paras[pos.p].text
	off := pos.off
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:off])
		if isWordRune(r) {
			break
		}
		off -= n
	}
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:off])
		if !isWordRune(r) {
			break
		}
		off -= n
	}
	return e.snap(bodyPos{pos.p, off})
}

// wordAt returns the word (or run of non-word characters) around pos.
func (e *Editor) wordAt(pos bodyPos) (bodyPos, bodyPos) {
	t := e.doc.paras[pos.p].text
	if t == "" {
		return pos, pos
	}
	off := pos.off
	if off == len(t) {
		_, n := utf8.DecodeLastRuneInString(t)
		off -= n
	}
	r, _ := utf8.DecodeRuneInString(t[off:])
	kind := isWordRune(r)
	a, b := off, off
	for a > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:a])
		if isWordRune(r) != kind {
			break
		}
		a -= n
	}
	for b < len(t) {
		r, n := utf8.DecodeRuneInString(t[b:])
		if isWordRune(r) != kind {
			break
		}
		b += n
	}
	return e.snap(bodyPos{pos.p, a}), e.snap(bodyPos{pos.p, b})
}

// lineHome and lineEnd return the start and end of the caret's visual line;
// the end of a soft-wrapped line stops before its hanging space, or sets
// the caret's upper affinity when the line broke inside a word.
func (e *Editor) lineHome() bodyPos {
	p := e.doc.paras[e.caret.p]
	return bodyPos{e.caret.p, p.lines[e.lineIndex(e.caret, e.caretUp)].start}
}

func (e *Editor) lineEnd() (bodyPos, bool) {
	p := e.doc.paras[e.caret.p]
	l := p.lines[e.lineIndex(e.caret, e.caretUp)]
	if l.end == len(p.text) {
		return bodyPos{e.caret.p, l.end}, false
	}
	r, _ := utf8.DecodeLastRuneInString(p.text[:l.end])
	if unicode.IsSpace(r) {
		return bodyPos{e.caret.p, e.prevBoundary(e.caret.p, l.end)}, false
	}
	return bodyPos{e.caret.p, l.end}, true
}

// lineStep returns the position one visual line up (dir -1) or down (+1)
// at the remembered x.
func (e *Editor) lineStep(dir int) bodyPos {
	x, y, h := e.caretRect()
	if e.goalOK {
		x = e.goalX
	}
	e.goalX, e.goalOK = x, true
	if dir < 0 {
		if y <= 0 {
			return bodyPos{}
		}
		return e.posAtContent(x, y-1)
	}
	if y+h >= e.contentHeight() {
		return e.doc.end()
	}
	return e.posAtContent(x, y+h+1)
}
