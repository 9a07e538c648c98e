package domain

import (
	"fmt"
	"strings"
	"testing"
)

// proseMarks reads body as plain paragraphs split at blank lines, the
// way markup gives prose without markup, for tests of the rules alone.
func proseMarks(body string) BodyMarks {
	var prose []Prose
	start := 0
	for _, p := range strings.SplitAfter(body, "\n\n") {
		prose = append(prose, Prose{Start: start, Text: p})
		start += len(p)
	}
	return BodyMarks{Quotations: ReadQuotations(prose)}
}

func TestReadQuotationsPlainText(t *testing.T) {
	body := "“We are ready,” said Sergey Lavrov.\n\n“The sanctions will be lifted next week.”"
	got := CheckAttribution(&Article{Body: body}, proseMarks(body))
	if len(got) != 1 || got[0].Kind != FindingUnattributedQuote || body[got[0].Offset:got[0].End] != "“The sanctions will be lifted next week.”" {
		t.Fatalf("findings = %+v, want the second quotation, its whole span", got)
	}
}

func TestAbbreviationLookBackIsBounded(t *testing.T) {
	long := strings.Repeat("a.", 40) + " Next"
	if isAbbreviation(long[:len(long)-len(" Next")]) != true {
		t.Error("a word of letters and full stops should read as an abbreviation")
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two.", []string{"One.", " Two."}},
		{"Mr. Kerry met Dr. Lavrov. They talked.", []string{"Mr. Kerry met Dr. Lavrov.", " They talked."}},
		{"The U.S. Navy came. Then it left.", []string{"The U.S. Navy came.", " Then it left."}},
		{"John F. Kennedy spoke. Then he left.", []string{"John F. Kennedy spoke.", " Then he left."}},
		{"It cost 3.5 million. Really?  Yes!", []string{"It cost 3.5 million.", " Really?", "  Yes!"}},
		{"no capital. after it", []string{"no capital. after it"}},
		{"“Stop.” He left.", []string{"“Stop.”", " He left."}},
		{"中文。第二句。", []string{"中文。", "第二句。"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range splitSentences(tt.text, findQuotations(tt.text)) {
			got = append(got, tt.text[s.start:s.end])
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
