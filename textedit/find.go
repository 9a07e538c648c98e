package textedit

import (
	"image/color"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// FindOptions say how Find matches.
type FindOptions struct {
	// CaseSensitive matches letters only in the case typed.
	CaseSensitive bool
	// WholeWord matches only where neither end touches a letter, digit or
	// underscore.
	WholeWord bool
}

// Find returns the spans of text matching query, in order and not
// overlapping. Case-insensitive matching folds Unicode case.
func Find(text, query string, opt FindOptions) []Span {
	if query == "" || text == "" {
		return nil
	}
	pattern := regexp.QuoteMeta(query)
	if !opt.CaseSensitive {
		pattern = "(?i)" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return nil
	}
	var out []Span
	for from := 0; from <= len(text); {
		loc := re.FindStringIndex(text[from:])
		if loc == nil {
			break
		}
		s := Span{from + loc[0], from + loc[1]}
		if s.End == s.Start {
			break
		}
		if !opt.WholeWord || wholeWord(text, s) {
			out = append(out, s)
			from = s.End
			continue
		}
		_, size := utf8.DecodeRuneInString(text[s.Start:])
		from = s.Start + size
	}
	return out
}

// wholeWord reports whether span s of text has no word character just
// outside either end.
func wholeWord(text string, s Span) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:s.Start])
	after, _ := utf8.DecodeRuneInString(text[s.End:])
	return (s.Start == 0 || !isFindWordRune(before)) && (s.End == len(text) || !isFindWordRune(after))
}

// isFindWordRune reports whether r is part of a word for whole-word
// matching (letters, digits, marks, underscore).
func isFindWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// SetHighlights highlights spans of text (find matches) behind the text,
// on the visible lines only. Like SetMarks they apply only while text is
// still the editor's text and follow edits elsewhere in their paragraph;
// a span across paragraphs is left out. nil clears them.
func (e *Editor) SetHighlights(text string, spans []Span) bool {
	if text != e.doc.String() {
		return false
	}
	sorted := append([]Span(nil), spans...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	k, start := 0, 0
	for _, p := range e.doc.paras {
		p.hits = p.hits[:0]
		end := start + len(p.text)
		for k < len(sorted) && sorted[k].Start <= end {
			s := sorted[k]
			if s.Start >= start && s.End <= end && s.Start < s.End {
				p.hits = append(p.hits, markSpan{s.Start - start, s.End - start})
			}
			k++
		}
		start = end + 1
	}
	e.Refresh()
	return true
}

// Highlights returns the current highlights as spans of Text().
func (e *Editor) Highlights() []Span {
	var out []Span
	start := 0
	for _, p := range e.doc.paras {
		for _, m := range p.hits {
			out = append(out, Span{start + m.start, start + m.end})
		}
		start += len(p.text) + 1
	}
	return out
}

// ReplaceAll replaces every span (ordered, not overlapping, found in
// Text()) with with as one undo step, and returns how many it replaced.
func (e *Editor) ReplaceAll(spans []Span, with string) int {
	text := e.doc.String()
	if e.readOnly || len(spans) == 0 {
		return 0
	}
	for i, s := range spans {
		if s.Start < 0 || s.End > len(text) || s.Start > s.End || (i > 0 && s.Start < spans[i-1].End) {
			return 0
		}
	}
	with = toValidUTF8(normalizeNewlines(with))
	first, last := spans[0].Start, spans[len(spans)-1].End
	var b strings.Builder
	at := first
	for _, s := range spans {
		b.WriteString(text[at:s.Start])
		b.WriteString(with)
		at = s.End
	}
	b.WriteString(text[at:last])
	e.undo.seal()
	e.replaceRange(e.doc.posAt(first), e.doc.posAt(last), b.String(), editOther)
	e.undo.seal()
	return len(spans)
}

// shiftHits keeps paragraph p's highlights right after its bytes
// [from, to) were replaced by n bytes, as shiftMarks does for marks.
func (p *bodyPara) shiftHits(from, to, n int) {
	if len(p.hits) == 0 {
		return
	}
	kept := p.hits[:0]
	for _, m := range p.hits {
		switch {
		case m.end < from:
			kept = append(kept, m)
		case m.start > to:
			kept = append(kept, markSpan{m.start + n - (to - from), m.end + n - (to - from)})
		}
	}
	p.hits = kept
}

// hitColor is the find highlight: the theme's warning colour, translucent
// so the text stays readable on it.
func hitColor(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x70}
}

// drawHits highlights the find matches of paragraph p on line l.
func (r *bodyRenderer) drawHits(p *bodyPara, l bodyLine, x, y, h float32) {
	for _, m := range p.hits {
		from, to := max(m.start, l.start), min(m.end, l.end)
		if from >= to {
			continue
		}
		x1, x2 := r.e.lineX(p, l, from), r.e.lineX(p, l, to)
		if r.nHit == len(r.hits) {
			r.hits = append(r.hits, canvas.NewRectangle(r.colors.hit))
		}
		u := r.hits[r.nHit]
		r.nHit++
		if u.FillColor != r.colors.hit {
			u.FillColor = r.colors.hit
			u.Refresh()
		}
		u.Move(fyne.NewPos(x+x1, y))
		u.Resize(fyne.NewSize(x2-x1, h))
	}
}
