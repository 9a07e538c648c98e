package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// doubleSpaces finds two or more spaces between words of prose. raw is
// the field as typed: a space blanked out of markup does not count, and
// two spaces ending a line (a Markdown hard line break) are left alone.
func (c *styleCheck) doubleSpaces(field, raw string, blocks []Prose) {
	for _, b := range blocks {
		t := b.Text
		for i := 0; i < len(t); i++ {
			if t[i] != ' ' || i+1 >= len(t) || t[i+1] != ' ' {
				continue
			}
			j := i
			for j < len(t) && t[j] == ' ' {
				j++
			}
			start, end := b.Start+i, b.Start+j
			if i > 0 && j < len(t) && allSpaces(raw, start, end) && isTextByte(t[i-1]) && isTextByte(t[j]) {
				c.add(StyleFinding{Kind: StyleDoubleSpace, Field: field, Start: start, End: end,
					Message: "Double space", Suggestion: " "})
			}
			i = j
		}
	}
}

// allSpaces reports whether raw[start:end] is all plain spaces.
func allSpaces(raw string, start, end int) bool {
	if start < 0 || end > len(raw) {
		return false
	}
	for i := start; i < end; i++ {
		if raw[i] != ' ' {
			return false
		}
	}
	return true
}

// isTextByte reports whether b can end or start a word or sentence (not
// a space or line break).
func isTextByte(b byte) bool { return b != ' ' && b != '\n' && b != '\r' && b != '\t' }

// straightQuotes finds typewriter quotation marks and apostrophes, and
// suggests the typographic mark for each from its neighbours.
func (c *styleCheck) straightQuotes(field string, blocks []Prose) {
	for _, b := range blocks {
		t := b.Text
		for i := 0; i < len(t); i++ {
			if t[i] != '"' && t[i] != '\'' {
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(t[:i])
			after, _ := utf8.DecodeRuneInString(t[i+1:])
			opening := i == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{—–-", before)
			var want, what string
			switch {
			case t[i] == '"' && opening:
				want, what = "“", "Straight opening quotation mark"
			case t[i] == '"':
				want, what = "”", "Straight closing quotation mark"
			case opening && unicode.IsLetter(after):
				want, what = "‘", "Straight opening quotation mark"
			case unicode.IsLetter(before) && unicode.IsLetter(after):
				want, what = "’", "Straight apostrophe"
			default:
				want, what = "’", "Straight quotation mark"
			}
			c.add(StyleFinding{Kind: StyleStraightQuote, Field: field, Start: b.Start + i, End: b.Start + i + 1,
				Message: what + "; the house uses " + want, Suggestion: want})
		}
	}
}

// discouraged finds the newsroom's discouraged words and phrases
// (case-insensitive, whole words).
func (c *styleCheck) discouraged(field string, blocks []Prose) {
	if len(c.settings.Discouraged) == 0 {
		return
	}
	rules := map[string]WordRule{}
	longest := 1
	for _, r := range c.settings.Discouraged {
		key := strings.ToLower(strings.Join(strings.Fields(r.Word), " "))
		if key == "" {
			continue
		}
		rules[key] = r
		if n := len(strings.Fields(key)); n > longest {
			longest = n
		}
	}
	for bi, b := range blocks {
		words := c.words[field][bi]
		for i := 0; i < len(words); i++ {
			var phrase strings.Builder
			for n := 0; n < longest && i+n < len(words); n++ {
				if n > 0 {
					phrase.WriteByte(' ')
				}
				phrase.WriteString(strings.ToLower(words[i+n].Text))
				r, ok := rules[phrase.String()]
				if !ok {
					continue
				}
				start, end := words[i].Start, words[i+n].End
				typed := b.Text[start-b.Start : end-b.Start]
				msg := "“" + typed + "” is discouraged by house style"
				if r.Preferred != "" {
					msg += "; prefer “" + r.Preferred + "”"
				}
				c.add(StyleFinding{Kind: StyleDiscouragedWord, Field: field, Start: start, End: end,
					Message: msg, Suggestion: matchCase(typed, r.Preferred)})
				i += n
				break
			}
		}
	}
}

// longSentences finds body sentences of more words than the house allows.
func (c *styleCheck) longSentences(body []Prose) {
	limit := c.settings.MaxSentenceWords
	if limit == 0 {
		limit = DefaultMaxSentenceWords
	}
	if limit < 0 {
		return
	}
	for bi, b := range body {
		words := c.words[FieldBody][bi]
		first := 0
		for i, w := range words {
			last := i == len(words)-1
			if !last && !sentenceBreak(b, w, words[i+1]) {
				continue
			}
			if n := i - first + 1; n > limit {
				c.add(StyleFinding{Kind: StyleLongSentence, Field: FieldBody, Start: words[first].Start, End: w.End,
					Message: "Sentence of " + plural(n, "word") + " (house limit " + plural(limit, "word") + ")"})
			}
			first = i + 1
		}
	}
}

// sentenceBreak reports whether the text between word w and the next word
// ends a sentence: a full stop, question or exclamation mark followed by a
// space and a capital letter, digit or opening quotation mark.
func sentenceBreak(b Prose, w, next Word) bool {
	gap := b.Text[w.End-b.Start : next.Start-b.Start]
	stop := strings.IndexAny(gap, ".!?")
	if stop < 0 || !strings.ContainsAny(gap[stop:], " \n") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// standfirstRepeats finds a standfirst that says word for word what the
// first paragraph says (punctuation and case aside): the same words, or,
// for a standfirst of eight words or more, the paragraph's first words.
func (c *styleCheck) standfirstRepeats(standfirst string, body []Prose) {
	sf := c.words[FieldStandfirst][0]
	if len(sf) == 0 || len(body) == 0 {
		return
	}
	var first []Word
	for _, words := range c.words[FieldBody] {
		if len(words) > 0 {
			first = words
			break
		}
	}
	if len(first) < len(sf) || (len(first) > len(sf) && len(sf) < 8) {
		return
	}
	for i, w := range sf {
		if !sameWord(w.Text, first[i].Text) {
			return
		}
	}
	c.add(StyleFinding{Kind: StyleStandfirstRepeats, Field: FieldStandfirst, Start: 0, End: len(standfirst),
		Message: "The standfirst repeats the first paragraph word for word"})
}

// sameWord reports whether a and b are one word, case and the kind of
// apostrophe aside.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	norm := func(s string) string { return strings.ReplaceAll(s, "’", "'") }
	return strings.EqualFold(norm(a), norm(b))
}
