package markup

import (
	"strings"
	"unicode/utf8"
)

// CleanText makes s safe to put in an HTML document as text: invalid UTF-8
// becomes U+FFFD and control characters other than tab and newline (which
// HTML forbids) are dropped. Carriage returns become newlines. Bodies are
// parsed after this cleaning; see cleanBody for how offsets map back.
func CleanText(s string) string {
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

// isClean reports whether CleanText would return s unchanged; it is the
// fast path for the usual, clean text. Eight bytes at a time, it skips
// words of printable ASCII (0x20–0x7e).
func isClean(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		below := (w - 0x20*ones) &^ w // high bit set where a byte is below 0x20
		del := w ^ 0x7f*ones
		isDel := (del - ones) &^ del // high bit set where a byte is 0x7f
		if (w|below|isDel)&highs != 0 {
			break // look at this word byte by byte
		}
	}
	for ; i < len(s); i++ {
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

// cleanBody is CleanText that also returns, when the text changed, where
// each byte of the clean text came from: from[i] is the offset in s of
// clean byte i, and from[len(clean)] is len(s). A nil from means the
// offsets are the same.
func cleanBody(s string) (clean string, from []int32) {
	if isClean(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	from = make([]int32, 0, len(s)+1)
	emit := func(r rune, at int) {
		n := b.Len()
		b.WriteRune(r)
		for i := n; i < b.Len(); i++ {
			from = append(from, int32(at))
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			// A run of invalid bytes is one replacement, as in
			// strings.ToValidUTF8.
			for size = 1; i+size < len(s); size++ {
				if r2, s2 := utf8.DecodeRuneInString(s[i+size:]); r2 != utf8.RuneError || s2 > 1 {
					break
				}
			}
			emit('\uFFFD', i)
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				size = 2 // "\r\n" is one line break
			}
			emit('\n', i)
		case r == '\t' || r == '\n':
			emit(r, i)
		case r == 0:
			emit('\uFFFD', i)
		case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		default:
			emit(r, i)
		}
		i += size
	}
	return b.String(), append(from, int32(len(s)))
}

// origin maps an offset into the clean text back to the body.
func origin(from []int32, i int) int {
	if from == nil {
		return i
	}
	if i < 0 {
		return 0
	}
	if i >= len(from) {
		return int(from[len(from)-1])
	}
	return int(from[i])
}
