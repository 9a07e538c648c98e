package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// minorWords stay lower case inside a title-case headline (articles,
// conjunctions and short prepositions).
var minorWords = setOf("a an the and but or nor for so yet as at by in of off on per to up via vs from into onto with than")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// headlineCase checks the headline against the house's headline case.
// In sentence case a capitalised word after the first should be lower case
// when it is a minor word or when the body uses it in lower case (so
// names, which the body capitalises, keep their capital). In title case
// minor words are lower case and every other word capitalised, the first
// and last word always.
func (c *styleCheck) headlineCase(headline, body string) {
	words := c.words[FieldHeadline][0]
	if len(words) < 2 {
		return
	}
	want := c.settings.HeadlineCase
	if want == "" {
		want = SentenceCase
	}
	lowerInBody := func(w string) bool { return hasWord(body, w) }
	var fixed strings.Builder
	var wrong []string
	last := 0
	for i, w := range words {
		if !plainWord(w.Text) {
			continue
		}
		lower := strings.ToLower(w.Text)
		capital := isCapitalised(w.Text)
		var should bool // should be capitalised
		switch {
		case i == 0 || afterColon(headline, words[i-1].End, w.Start):
			continue
		case want == TitleCase:
			should = i == len(words)-1 || !minorWords[lower]
		default:
			if !capital {
				continue
			}
			should = !minorWords[lower] && !lowerInBody(lower)
		}
		if should == capital {
			continue
		}
		fixed.WriteString(headline[last:w.Start])
		r, size := utf8.DecodeRuneInString(w.Text)
		if should {
			fixed.WriteString(string(unicode.ToUpper(r)))
		} else {
			fixed.WriteString(string(unicode.ToLower(r)))
		}
		fixed.WriteString(w.Text[size:])
		last = w.End
		wrong = append(wrong, "“"+w.Text+"”")
	}
	if len(wrong) == 0 {
		return
	}
	fixed.WriteString(headline[last:])
	name := "sentence case"
	if want == TitleCase {
		name = "title case"
	}
	shown := wrong
	if len(shown) > 5 {
		shown = append(shown[:5:5], "…")
	}
	c.add(StyleFinding{Kind: StyleHeadlineCase, Field: FieldHeadline, Start: 0, End: len(headline),
		Message:    "Headline case is inconsistent with the house's " + name + ": " + strings.Join(shown, ", "),
		Suggestion: fixed.String()})
}

// plainWord reports whether w is an ordinary word whose case house style
// may change: letters only, not an acronym (US, NATO), no capital inside
// (iPhone, McDonald).
func plainWord(w string) bool {
	if hasDigit(w) {
		return false
	}
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// afterColon reports whether the headline has a colon, dash or question
// mark between two words: what follows starts afresh and may take a
// capital.
func afterColon(headline string, prevEnd, start int) bool {
	return strings.ContainsAny(headline[prevEnd:start], ":?!—–|")
}

// hasWord reports whether text holds w as a whole word (not inside a
// longer run of letters or digits).
func hasWord(text, w string) bool {
	if w == "" {
		return false
	}
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return false
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(w):])
		if (i == 0 || !isWordRune(before)) && (i+len(w) == len(text) || !isWordRune(after)) {
			return true
		}
		from = i + len(w)
	}
	return false
}
