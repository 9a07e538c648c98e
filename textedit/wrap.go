package textedit

import (
	"unicode"
	"unicode/utf8"
)

// bodySeg is one unbreakable run of a paragraph (a word, a CJK character,
// a piece of a URL) followed by the whitespace that may hang at line end.
type bodySeg struct {
	start, bodyEnd, end int     // byte offsets: [start,bodyEnd) body, [bodyEnd,end) spaces
	bw, sw              float32 // cached widths of body and spaces
}

// bodyLine is one wrapped line of a paragraph.
type bodyLine struct {
	start, end int     // byte offsets in the paragraph; end includes hanging spaces
	width      float32 // width of the visible part (without hanging spaces)
}

// segment finds the line break opportunities of p (Unicode UAX #14, which
// also allows breaks between CJK characters) and measures each token through
// the width cache.
func (m *bodyMeasurer) segment(p *bodyPara) {
	m.segments++
	p.segs = p.segs[:0]
	if p.text == "" {
		return
	}
	add := func(a, be, b int) {
		p.segs = append(p.segs, bodySeg{
			start: a, bodyEnd: be, end: b,
			bw: m.width(p.style, p.text[a:be]),
			sw: m.width(p.style, p.text[be:b]),
		})
	}
	if isFastText(p.text) {
		fastBreaks(p.text, add)
		return
	}
	m.load(p.text)
	it := m.seg.LineIterator()
	for it.Next() {
		l := it.Line()
		a, b := m.bytes[l.Offset], m.bytes[l.Offset+len(l.Text)]
		be := b
		for be > a {
			r, size := utf8.DecodeLastRuneInString(p.text[a:be])
			if !unicode.IsSpace(r) {
				break
			}
			be -= size
		}
		add(a, be, b)
	}
}

// wrap lays p out greedily into lines no wider than width, from the cached
// segment widths; only words wider than a whole line are measured again,
// by grapheme prefix.
func (m *bodyMeasurer) wrap(p *bodyPara, width float32) {
	if p.segs == nil {
		m.segment(p)
	}
	m.wraps++
	p.wrapW = width
	p.lines = p.lines[:0]
	start, w, pend, used := 0, float32(0), float32(0), false
	for _, s := range p.segs {
		if used && w+pend+s.bw > width {
			p.lines = append(p.lines, bodyLine{start, s.start, w})
			start, w, pend, used = s.start, 0, 0, false
		}
		if s.bw > width && w+pend == 0 {
			start, w = m.breakLong(p, s, width)
		} else {
			w += pend + s.bw
		}
		pend, used = s.sw, true
	}
	p.lines = append(p.lines, bodyLine{start, len(p.text), w})
}

// breakLong splits the over-long body of s into lines of at most width
// (at least one grapheme each, measured by prefix). It appends every full
// piece but the last, and returns the start and width of the last piece,
// which stays open on the current line.
func (m *bodyMeasurer) breakLong(p *bodyPara, s bodySeg, width float32) (int, float32) {
	if p.bounds == nil {
		p.bounds = m.graphemes(p.text)
	}
	b := p.bounds
	last := lowerBound(b, s.bodyEnd) - 1 // last boundary strictly inside the body
	from := s.start
	for {
		w := m.measure(p.style, p.text[from:s.bodyEnd])
		lo, hi := lowerBound(b, from+1), last
		if w <= width || lo > hi {
			return from, w // fits, or a single over-long grapheme
		}
		for lo < hi { // largest boundary whose prefix fits, at least one grapheme
			mid := (lo + hi + 1) / 2
			if m.measure(p.style, p.text[from:b[mid]]) <= width {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		p.lines = append(p.lines, bodyLine{from, b[lo], m.measure(p.style, p.text[from:b[lo]])})
		from = b[lo]
	}
}

// lowerBound returns the first index i with b[i] >= v.
func lowerBound(b []int, v int) int {
	lo, hi := 0, len(b)
	for lo < hi {
		mid := (lo + hi) / 2
		if b[mid] < v {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
