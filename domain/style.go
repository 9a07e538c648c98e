package domain

import (
	"sort"
	"strconv"
	"strings"
)

// StyleFinding is a house-style problem in one field of an article, with
// the byte range it covers in that field and, where there is an obvious
// one, the text that should replace that range.
type StyleFinding struct {
	Kind       string `json:"kind"`
	Field      string `json:"field"` // FieldHeadline, FieldStandfirst or FieldBody
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

// Fields a StyleFinding can concern.
const (
	FieldHeadline   = "headline"
	FieldStandfirst = "standfirst"
	FieldBody       = "body"
)

// Kinds of StyleFinding.
const (
	StyleDoubleSpace        = "double-space"
	StyleHeadlineCase       = "headline-case"
	StyleMixedSpelling      = "mixed-spelling"
	StyleStandfirstRepeats  = "standfirst-repeats"
	StyleLongSentence       = "long-sentence"
	StyleDiscouragedWord    = "discouraged-word"
	StyleStraightQuote      = "straight-quote"
	StyleMisspelling        = "misspelling" // found by a spelling check, not by CheckStyle
	StyleFindingsOmitted    = "style-findings-omitted"
	maxStyleFindingsPerKind = 200
)

// HeadlineCase is the newsroom's choice of capitalisation for headlines.
type HeadlineCase string

// The two headline cases newsrooms use.
const (
	SentenceCase HeadlineCase = "sentence" // "Kerry to meet Putin in first Russian visit"
	TitleCase    HeadlineCase = "title"    // "Kerry to Meet Putin in First Russian Visit"
)

// SpellingVariety is a national variety of English spelling.
type SpellingVariety string

// The varieties the mixed-spelling rule tells apart.
const (
	BritishSpelling  SpellingVariety = "en-GB"
	AmericanSpelling SpellingVariety = "en-US"
)

// WordRule is a word or phrase the house discourages, with the form it
// prefers ("" when the word should simply go).
type WordRule struct {
	Word      string `json:"word"`
	Preferred string `json:"preferred"`
}

// StyleSettings are the newsroom's house-style choices.
type StyleSettings struct {
	HeadlineCase HeadlineCase
	// Spelling is the house variety; "" asks only for consistency within
	// an article.
	Spelling SpellingVariety
	// MaxSentenceWords is the longest sentence allowed; 0 means
	// DefaultMaxSentenceWords, a negative number turns the rule off.
	MaxSentenceWords int
	// CurlyQuotes asks for typographic quotation marks and apostrophes.
	CurlyQuotes bool
	Discouraged []WordRule
}

// DefaultMaxSentenceWords is the sentence length house style allows when
// the newsroom has not set one.
const DefaultMaxSentenceWords = 40

// DefaultStyleSettings is the house style of a new newsroom.
func DefaultStyleSettings() StyleSettings {
	return StyleSettings{HeadlineCase: SentenceCase, CurlyQuotes: true}
}

// CheckStyle lists the house-style findings of an article: double spaces,
// headline case, mixed spelling varieties, a standfirst repeating the first
// paragraph, long sentences, discouraged words and straight quotes. body
// is the body's prose as the body grammar found it (code, markup, link
// destinations and markers blanked), so nothing outside prose is judged.
// It takes time linear in the size of the article, never panics, also not
// on invalid UTF-8, and reports at most a few hundred findings of a kind.
func CheckStyle(a *Article, body []Prose, s StyleSettings) []StyleFinding {
	if a == nil {
		return nil
	}
	c := &styleCheck{settings: s, counts: map[string]int{}, words: map[string][][]Word{}}
	fields := []struct {
		name  string
		prose []Prose
		raw   string
	}{
		{FieldHeadline, []Prose{{Start: 0, Text: a.Headline}}, a.Headline},
		{FieldStandfirst, []Prose{{Start: 0, Text: a.Standfirst}}, a.Standfirst},
		{FieldBody, body, a.Body},
	}
	for _, f := range fields {
		blocks := make([][]Word, len(f.prose))
		for i, b := range f.prose {
			blocks[i] = appendWords(nil, b)
		}
		c.words[f.name] = blocks
	}
	for _, f := range fields {
		c.doubleSpaces(f.name, f.raw, f.prose)
		if s.CurlyQuotes {
			c.straightQuotes(f.name, f.prose)
		}
		c.discouraged(f.name, f.prose)
	}
	c.headlineCase(a.Headline, a.Body)
	c.longSentences(body)
	c.standfirstRepeats(a.Standfirst, body)
	c.mixedSpelling([]string{FieldHeadline, FieldStandfirst, FieldBody})
	return c.result()
}

// styleCheck collects findings, keeping at most maxStyleFindingsPerKind
// of each kind and counting the rest.
type styleCheck struct {
	settings StyleSettings
	findings []StyleFinding
	counts   map[string]int
	words    map[string][][]Word // each field's words, block by block
}

func (c *styleCheck) add(f StyleFinding) {
	c.counts[f.Kind]++
	if c.counts[f.Kind] <= maxStyleFindingsPerKind {
		c.findings = append(c.findings, f)
	}
}

func (c *styleCheck) result() []StyleFinding {
	out := c.findings
	kinds := make([]string, 0, len(c.counts))
	for k := range c.counts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		if n := c.counts[k] - maxStyleFindingsPerKind; n > 0 {
			out = append(out, StyleFinding{Kind: StyleFindingsOmitted, Field: FieldBody, Start: -1, End: -1,
				Message: plural(n, "more finding") + " of kind " + k + " not listed"})
		}
	}
	order := map[string]int{FieldHeadline: 0, FieldStandfirst: 1, FieldBody: 2}
	sort.SliceStable(out, func(i, j int) bool {
		if order[out[i].Field] != order[out[j].Field] {
			return order[out[i].Field] < order[out[j].Field]
		}
		return out[i].Start < out[j].Start
	})
	return out
}

// plural spells n and a noun, adding "s" unless n is 1.
func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}

// matchCase gives replacement the capitalisation of original: all
// capitals, a capital first letter, or as it is.
func matchCase(original, replacement string) string {
	if original == "" || replacement == "" {
		return replacement
	}
	if strings.ToUpper(original) == original && strings.ToLower(original) != original && len([]rune(original)) > 1 {
		return strings.ToUpper(replacement)
	}
	r := []rune(original)
	if strings.ToUpper(string(r[0])) == string(r[0]) && strings.ToLower(string(r[0])) != string(r[0]) {
		rr := []rune(replacement)
		return strings.ToUpper(string(rr[0])) + string(rr[1:])
	}
	return replacement
}
