package publish

import (
	"strings"
	"unicode/utf8"
)

// cleanText makes s safe to put in an HTML document as text: invalid UTF-8
// becomes U+FFFD and control characters other than tab and newline (which
// HTML forbids) are dropped. Carriage returns become newlines.
func cleanText(s string) string {
	if isClean(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case r == '\t' || r == '\n':
			return r
		case r == 0:
			return '\uFFFD'
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
			return -1
		case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
			return -1 // noncharacters
		}
		return r
	}, s)
}

// isClean reports whether cleanText would return s unchanged; it is the
// fast path for the usual, clean text.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || c >= 0x80 {
			if c >= 0x80 {
				return cleanTail(s[i:])
			}
			return false
		}
	}
	return true
}

func cleanTail(s string) bool {
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return false
		case r < 0x20 && r != '\t' && r != '\n', r >= 0x7f && r <= 0x9f:
			return false
		case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
			return false
		}
	}
	return true
}
