package markup

import (
	"strings"
	"testing"
)

func TestIsCleanAgreesWithCleanText(t *testing.T) {
	base := "The minister said talks in Sochi would cover Iran, Syria and Ukraine.\n"
	inserts := []string{"", "\t", "\n", "\r", "\x00", "\x01", "\x1f", "\x7f", "\u0080", "\u009f", "é", "“", "\uFFFD", "\xff", "\xe2\x80", "\uFDD0", "\U0001FFFE", " ", "~"}
	for _, ins := range inserts {
		for pos := 0; pos <= 17; pos++ {
			s := base[:pos] + ins + base[pos:]
			if got, want := isClean(s), CleanText(s) == s && !strings.Contains(s, "\r") && !strings.Contains(s, "\uFFFD"); got != want {
				t.Errorf("isClean(%q) = %v, want %v", s, got, want)
			}
		}
	}
}

// TestCleanBodyAgreesWithCleanText checks that cleanBody cleans as
// CleanText does and that every clean byte maps back to the byte it came
// from.
func TestCleanBodyAgreesWithCleanText(t *testing.T) {
	for _, s := range []string{"plain", "a\r\nb", "a\rb", "\xff\xfe x \xff", "x\x01y\x00z", "é\r\n“q”\uFDD0!", "\xe2\x80\r\n\xe2"} {
		clean, from := cleanBody(s)
		if clean != CleanText(s) {
			t.Errorf("cleanBody(%q) = %q, CleanText = %q", s, clean, CleanText(s))
		}
		if from == nil {
			continue
		}
		if len(from) != len(clean)+1 || int(from[len(clean)]) != len(s) {
			t.Fatalf("cleanBody(%q): map of %d entries for %d bytes", s, len(from), len(clean))
		}
		for i := 1; i < len(from); i++ {
			if from[i] < from[i-1] {
				t.Errorf("cleanBody(%q): map goes back at %d", s, i)
			}
		}
		if i := strings.IndexByte(clean, '!'); i >= 0 && s[origin(from, i)] != '!' {
			t.Errorf("cleanBody(%q): '!' maps to %q", s, s[origin(from, i)])
		}
	}
}
