package domain

import (
	"unicode"
	"unicode/utf8"
)

// Word is one word of prose with its byte range in the field.
type Word struct {
	Text       string
	Start, End int
}

// ProseWords splits prose into words: runs of letters and digits, with
// apostrophes (' and ’) inside a word kept (Kerry’s, don't). Hyphens and
// other punctuation separate words. Offsets are into the field.
func ProseWords(blocks []Prose) []Word {
	var out []Word
	for _, b := range blocks {
		out = appendWords(out, b)
	}
	return out
}

func appendWords(out []Word, b Prose) []Word {
	text := b.Text
	if out == nil {
		out = make([]Word, 0, len(text)/6+1)
	}
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		var inWord bool
		size := 1
		if c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			if !inWord && c == '\'' && start >= 0 && i+1 < len(text) {
				next, _ := utf8.DecodeRuneInString(text[i+1:])
				inWord = unicode.IsLetter(next)
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			inWord = isWordRune(r)
			if !inWord && start >= 0 && r == '’' {
				// An apostrophe stays inside a word when a letter follows.
				next, _ := utf8.DecodeRuneInString(text[i+size:])
				inWord = unicode.IsLetter(next)
			}
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, Word{Text: text[start:i], Start: b.Start + start, End: b.Start + i})
			start = -1
		}
		i += size
	}
	if start >= 0 {
		out = append(out, Word{Text: text[start:], Start: b.Start + start, End: b.Start + len(text)})
	}
	return out
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// hasDigit reports whether s holds a digit.
func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// SpellingCandidates are the words of prose a spelling check reads: not
// those with digits (2015, G7), of one letter, or in capitals (NATO, RIA),
// which are not the writer's spelling.
func SpellingCandidates(prose []Prose) []Word {
	words := ProseWords(prose)
	out := words[:0]
	for _, w := range words {
		if !skipSpelling(w.Text) {
			out = append(out, w)
		}
	}
	return out
}

func skipSpelling(w string) bool {
	letters, upper := 0, 0
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters < 2 || upper == letters
}
