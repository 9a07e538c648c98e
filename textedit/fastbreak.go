package textedit

import (
	"unicode"
	"unicode/utf8"
)

// The Unicode segmenter is exact but costs a few hundred nanoseconds per
// character. Paragraphs written only in space-separated alphabets (Latin,
// Greek, Cyrillic, Armenian) plus common punctuation take this fast path,
// which gives the same break opportunities for ordinary prose: after runs of
// spaces and after a dash between letters.

// fastScript reports whether r is handled by the fast path.
func fastScript(r rune) bool {
	return (r < 0x0590 && r >= 0x20) || r == '\t' || (r >= 0x2010 && r <= 0x2027)
}

// isFastText reports whether every rune of text takes the fast path.
func isFastText(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			for _, r := range text[i:] {
				if !fastScript(r) {
					return false
				}
			}
			return true
		}
		if text[i] < 0x20 && text[i] != '\t' {
			return false
		}
	}
	return true
}

// isBreakSpace reports whether r is a space that allows a break after it
// (the no-break space does not).
func isBreakSpace(r rune) bool { return r == ' ' || r == '\t' }

// isBreakDash reports whether a break is allowed after dash r when it sits
// between letters.
func isBreakDash(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2013' || r == '\u2014' }

// fastBreaks calls emit with [start, bodyEnd, end) for each unbreakable run
// of text and its trailing spaces.
func fastBreaks(text string, emit func(start, bodyEnd, end int)) {
	start, i := 0, 0
	prev := rune(-1)
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isBreakSpace(r) {
			be := i
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			emit(start, be, i)
			start, prev = i, ' '
			continue
		}
		i += n
		if isBreakDash(r) && unicode.IsLetter(prev) && i < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(next) {
				emit(start, i, i)
				start = i
			}
		}
		prev = r
	}
	if start < len(text) {
		emit(start, len(text), len(text))
	}
}

// fastGraphemes returns grapheme boundaries of fast-path text: every rune
// start except before combining marks.
func fastGraphemes(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i, r := range text {
		if i > 0 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r)) {
			continue
		}
		out = append(out, i)
	}
	return append(out, len(text))
}
