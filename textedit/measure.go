package textedit

import (
	"strings"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/segmenter"
)

// paraStyle is the display style of a paragraph, decided by its prefix only.
type paraStyle uint8

const (
	styleBody paraStyle = iota
	styleH1
	styleH2
	styleH3
	styleQuote
	numStyles
)

// styleFor picks a paragraph's style from its first characters: ATX
// headings ("# ", "## ", ...) are bold and larger, "> " quotes are italic.
func styleFor(text string) paraStyle {
	n := 0
	for n < len(text) && n < 7 && text[n] == '#' {
		n++
	}
	if n >= 1 && n <= 6 && (n == len(text) || text[n] == ' ') {
		switch n {
		case 1:
			return styleH1
		case 2:
			return styleH2
		default:
			return styleH3
		}
	}
	if strings.HasPrefix(text, ">") {
		return styleQuote
	}
	return styleBody
}

// styleScale is the text size factor of each style.
var styleScale = [numStyles]float32{1, 1.5, 1.3, 1.15, 1}

// maxCachedWidths bounds each style's width cache; it is cleared when full.
const maxCachedWidths = 100000

// bodyMeasurer measures text with fyne.MeasureText and caches the width of
// every distinct token per style, so layout measures each word once.
type bodyMeasurer struct {
	base    float32        // theme text size the caches were built for
	spacing float32        // theme line spacing
	scale   float32        // a field's text size factor (0: 1)
	style   fyne.TextStyle // a field's text style (fields have one style)
	widths  [numStyles]map[string]float32
	lineH   [numStyles]float32
	ascent  [numStyles]float32

	seg   segmenter.Segmenter
	runes []rune
	bytes []int

	// measures counts fyne.MeasureText calls, segments paragraph
	// segmentations and wraps paragraph line breakings, so tests can prove
	// that work stays local.
	measures, segments, wraps int
}

// reset drops every cache when the text size or spacing changes.
func (m *bodyMeasurer) reset(base, spacing float32) {
	m.base, m.spacing = base, spacing
	for i := range m.widths {
		m.widths[i] = make(map[string]float32)
		m.lineH[i] = 0
	}
}

func (m *bodyMeasurer) size(st paraStyle) float32 {
	if m.scale != 0 {
		return m.base * styleScale[st] * m.scale
	}
	return m.base * styleScale[st]
}

func (m *bodyMeasurer) textStyle(st paraStyle) fyne.TextStyle {
	if m.style != (fyne.TextStyle{}) {
		return m.style
	}
	switch st {
	case styleH1, styleH2, styleH3:
		return fyne.TextStyle{Bold: true}
	case styleQuote:
		return fyne.TextStyle{Italic: true}
	}
	return fyne.TextStyle{}
}

// measure returns the width of s without caching.
func (m *bodyMeasurer) measure(st paraStyle, s string) float32 {
	if s == "" {
		return 0
	}
	m.measures++
	return fyne.MeasureText(s, m.size(st), m.textStyle(st)).Width
}

// width returns the cached width of token s.
func (m *bodyMeasurer) width(st paraStyle, s string) float32 {
	if s == "" {
		return 0
	}
	cache := m.widths[st]
	if w, ok := cache[s]; ok {
		return w
	}
	w := m.measure(st, s)
	if len(cache) >= maxCachedWidths {
		cache = make(map[string]float32)
		m.widths[st] = cache
	}
	cache[strings.Clone(s)] = w
	return w
}

// lineHeight returns the height of one line of style st.
func (m *bodyMeasurer) lineHeight(st paraStyle) float32 {
	if m.lineH[st] == 0 {
		m.measures++
		m.lineH[st] = fyne.MeasureText("Mg", m.size(st), m.textStyle(st)).Height + m.spacing
	}
	return m.lineH[st]
}

// load puts text into the segmenter and fills m.bytes with the byte offset
// of every rune index (plus the end).
func (m *bodyMeasurer) load(text string) {
	m.runes = m.runes[:0]
	m.bytes = m.bytes[:0]
	for i, r := range text {
		m.runes = append(m.runes, r)
		m.bytes = append(m.bytes, i)
	}
	m.bytes = append(m.bytes, len(text))
	m.seg.Init(m.runes)
}

// graphemes returns the grapheme cluster boundaries of text as byte
// offsets, including 0 and len(text).
func (m *bodyMeasurer) graphemes(text string) []int {
	if text == "" {
		return []int{0}
	}
	if isFastText(text) {
		return fastGraphemes(text)
	}
	m.load(text)
	out := make([]int, 0, len(m.runes)+1)
	it := m.seg.GraphemeIterator()
	for it.Next() {
		out = append(out, m.bytes[it.Grapheme().Offset])
	}
	return append(out, len(text))
}
