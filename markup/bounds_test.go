package markup

import (
	"strings"
	"testing"
	"time"

	"newsroom/domain"
)

// TestCheckOfLinkOpenersIsFast is issue 13's reproduction: a body of
// "[a](" repeated, once quadratic in the check, at 1 MB and 5 MB.
func TestCheckOfLinkOpenersIsFast(t *testing.T) {
	for _, n := range []int{160_000, 1_000_000, 4_999_996} {
		a := &domain.Article{Body: strings.Repeat("[a](", n/4)}
		start := time.Now()
		findings := CheckAttribution(a)
		took := time.Since(start)
		t.Logf("check of %d bytes of \"[a](\": %v, %d findings", len(a.Body), took, len(findings))
		if took > 500*time.Millisecond && !raceEnabled {
			t.Errorf("check of %d bytes took %v, want well under a second", len(a.Body), took)
		}
	}
}

func TestBoundsRefuseAndAccept(t *testing.T) {
	prose := strings.Repeat("The minister said talks would cover Iran, [Syria](https://x.example/s) and *Ukraine*.\n\n", 60_000)
	tests := []struct {
		name, body string
		refused    string // part of the reason, "" when accepted
	}{
		{"long ordinary body", prose[:4_900_000], ""},
		{"over the size limit", strings.Repeat("a", domain.MaxBodyBytes+1), "over the limit of 5000000"},
		{"brackets", strings.Repeat("[", 300_001), "markup characters"},
		{"unclosed link targets", strings.Repeat("[a](", 5_000), "unclosed link targets"},
		{"closed link targets", strings.Repeat("[a](b) ", 40_000), ""},
		{"references", strings.Repeat("[r]: /x\n", 5_001), "definitions"},
		{"deep nesting", strings.Repeat("  ", 129) + "- a", "nested"},
		{"many list markers", strings.Repeat("- a\n", 300_001), "list markers"},
		{"wide table", strings.Repeat("|a", 2000) + "|\n" + strings.Repeat("|-", 2000) + "|\n" + strings.Repeat("|a|\n", 100), "cells"},
		{"ordinary table", strings.Repeat("|a|b|c|\n|-|-|-|\n"+strings.Repeat("|1|2|3|\n", 100)+"\n", 100), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Bounds(tt.body)
			if (got == "") != (tt.refused == "") || !strings.Contains(got, tt.refused) {
				t.Errorf("Bounds = %q, want %q", got, tt.refused)
			}
		})
	}
}

func FuzzParseAndCheck(f *testing.F) {
	for _, s := range []string{"[a](", "> [!excerpt X]\n> “q,” he said.", "{{quote a}}", "- - - a", "|a|\n|-|\n|b|", "[^1]\n\n[^1]: n", "\r\n\x00\xff“x”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		a := &domain.Article{Body: body, Quotes: []domain.Quote{{Ref: "a", Text: "t"}}}
		for _, fd := range CheckAttribution(a) {
			if fd.Offset == -1 && fd.End == -1 {
				continue
			}
			if fd.Offset < 0 || fd.End < fd.Offset || fd.End > len(body) {
				t.Fatalf("finding %+v out of range for %q", fd, body)
			}
		}
	})
}

// BenchmarkCheckAdversarial measures the check on adversarial shapes of
// 1 MB: each is refused by the bounds or read in linear time.
func BenchmarkCheckAdversarial(b *testing.B) {
	const n = 1_000_000
	for name, body := range map[string]string{
		"link-openers":    strings.Repeat("[a](", n/4),
		"brackets":        strings.Repeat("[", n),
		"emphasis":        strings.Repeat("*a", n/2),
		"quotation-marks": strings.Repeat("“", n/3),
		"full-stops":      strings.Repeat("a.", n/2),
		"nested-lists":    strings.Repeat("- ", n/2),
	} {
		a := &domain.Article{Body: body}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				CheckAttribution(a)
			}
		})
	}
}

// BenchmarkBounds60000 is the cost Bounds adds to every parse of an
// ordinary 60,000-byte body.
func BenchmarkBounds60000(b *testing.B) {
	body := strings.Repeat("The minister said talks would cover Iran, [Syria](https://x.example/s) and *Ukraine*.\n\n", 700)[:60_000]
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if Bounds(body) != "" {
			b.Fatal("refused")
		}
	}
}
