package textedit

import (
	"strings"
	"unicode/utf8"
)

// bodyPos is a caret position: a paragraph index and a byte offset inside
// that paragraph's text. Offsets always sit on grapheme boundaries.
type bodyPos struct {
	p, off int
}

// before reports whether a comes strictly before b.
func (a bodyPos) before(b bodyPos) bool {
	return a.p < b.p || (a.p == b.p && a.off < b.off)
}

// orderPos returns a and b sorted.
func orderPos(a, b bodyPos) (bodyPos, bodyPos) {
	if b.before(a) {
		return b, a
	}
	return a, b
}

// bodyPara is one paragraph of the body (text between two '\n') with its
// cached layout and statistics.
type bodyPara struct {
	text  string
	style paraStyle

	// segs are the measured break opportunities; nil means "re-measure".
	segs []bodySeg
	// lines is the wrapped layout for width wrapW; nil means "re-wrap".
	lines []bodyLine
	wrapW float32

	words int // cached word count of text (bodyDoc.countWords)

	// bounds holds the grapheme boundaries (byte offsets, including 0 and
	// len(text)); nil means not computed yet.
	bounds []int

	// marks are the underlined ranges of text (see Editor.SetMarks).
	marks []markSpan
	// hits are the highlighted ranges of text (see Editor.SetHighlights).
	hits []markSpan
}

func (d *bodyDoc) newPara(text string) *bodyPara {
	return &bodyPara{text: text, style: d.styleOf(text), words: d.count(text)}
}

// styleOf is a paragraph's display style; a plain document (a field) has
// no heading or quote styles.
func (d *bodyDoc) styleOf(text string) paraStyle {
	if d.plain {
		return styleBody
	}
	return styleFor(text)
}

// count is the word count of one paragraph, 0 without a counter.
func (d *bodyDoc) count(text string) int {
	if d.countWords == nil {
		return 0
	}
	return d.countWords(text)
}

// recount counts every paragraph's words again with countWords.
func (d *bodyDoc) recount() {
	d.words = 0
	for _, p := range d.paras {
		p.words = d.count(p.text)
		d.words += p.words
	}
}

// bodyDoc is the text model: a list of paragraphs, never empty.
type bodyDoc struct {
	paras []*bodyPara
	words int // sum of paragraph word counts
	// countWords counts the words of one paragraph; nil counts none.
	countWords func(string) int
	// plain turns paragraph styles off (fields).
	plain bool
	text  string // cached joined text, valid when textOK
	// textOK reports whether text is current.
	textOK bool
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// toValidUTF8 replaces invalid byte sequences so offsets stay rune-aligned.
func toValidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func (d *bodyDoc) setText(s string) {
	parts := strings.Split(s, "\n")
	d.paras = make([]*bodyPara, len(parts))
	d.words = 0
	for i, t := range parts {
		d.paras[i] = d.newPara(t)
		d.words += d.paras[i].words
	}
	d.text, d.textOK = s, true
}

// String returns the whole text, paragraphs joined by '\n'.
func (d *bodyDoc) String() string {
	if d.textOK {
		return d.text
	}
	n := len(d.paras) - 1
	for _, p := range d.paras {
		n += len(p.text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, p := range d.paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.text)
	}
	d.text, d.textOK = b.String(), true
	return d.text
}

// offset converts a position to a byte offset in String().
func (d *bodyDoc) offset(pos bodyPos) int {
	n := 0
	for i := 0; i < pos.p; i++ {
		n += len(d.paras[i].text) + 1
	}
	return n + pos.off
}

// posAt converts a byte offset in String() to a position, clamping it into
// range and snapping it back to a rune start.
func (d *bodyDoc) posAt(offset int) bodyPos {
	if offset < 0 {
		offset = 0
	}
	for i, p := range d.paras {
		if offset <= len(p.text) {
			off := offset
			for off > 0 && off < len(p.text) && !utf8.RuneStart(p.text[off]) {
				off--
			}
			return bodyPos{i, off}
		}
		offset -= len(p.text) + 1
	}
	last := len(d.paras) - 1
	return bodyPos{last, len(d.paras[last].text)}
}

// end returns the position after the last character.
func (d *bodyDoc) end() bodyPos {
	last := len(d.paras) - 1
	return bodyPos{last, len(d.paras[last].text)}
}

// slice returns the text between two ordered positions.
func (d *bodyDoc) slice(a, b bodyPos) string {
	if a.p == b.p {
		return d.paras[a.p].text[a.off:b.off]
	}
	var sb strings.Builder
	sb.WriteString(d.paras[a.p].text[a.off:])
	for i := a.p + 1; i < b.p; i++ {
		sb.WriteByte('\n')
		sb.WriteString(d.paras[i].text)
	}
	sb.WriteByte('\n')
	sb.WriteString(d.paras[b.p].text[:b.off])
	return sb.String()
}

// replace substitutes the text between ordered positions a and b with s and
// returns the position just after the inserted text. Only the paragraphs
// touched lose their cached layout.
func (d *bodyDoc) replace(a, b bodyPos, s string) bodyPos {
	d.textOK = false
	prefix := d.paras[a.p].text[:a.off]
	suffix := d.paras[b.p].text[b.off:]
	if a.p == b.p && !strings.ContainsRune(s, '\n') {
		p := d.paras[a.p]
		p.shiftMarks(a.off, b.off, len(s))
		p.shiftHits(a.off, b.off, len(s))
		d.setParaText(p, prefix+s+suffix)
		return bodyPos{a.p, len(prefix) + len(s)}
	}
	parts := strings.Split(s, "\n")
	parts[0] = prefix + parts[0]
	lastLen := len(parts[len(parts)-1])
	parts[len(parts)-1] += suffix
	for i := a.p; i <= b.p; i++ {
		d.words -= d.paras[i].words
	}
	fresh := make([]*bodyPara, len(parts))
	for i, t := range parts {
		fresh[i] = d.newPara(t)
		d.words += fresh[i].words
	}
	tail := d.paras[b.p+1:]
	paras := make([]*bodyPara, 0, a.p+len(fresh)+len(tail))
	paras = append(paras, d.paras[:a.p]...)
	paras = append(paras, fresh...)
	d.paras = append(paras, tail...)
	endP := a.p + len(parts) - 1
	if len(parts) == 1 {
		return bodyPos{endP, len(prefix) + len(s)}
	}
	return bodyPos{endP, lastLen}
}

// setParaText changes one paragraph's text and invalidates its caches.
func (d *bodyDoc) setParaText(p *bodyPara, text string) {
	d.words -= p.words
	p.text = text
	p.words = d.count(text)
	d.words += p.words
	p.style = d.styleOf(text)
	p.segs = nil
	p.lines = nil
	p.bounds = nil
}
