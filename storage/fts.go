package storage

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The full-text search. SQLite indexes with FTS5 (tokenizer unicode61,
// remove_diacritics 2); PostgreSQL with a tsvector column and a GIN index
// whose words this file cuts and folds the way unicode61 does, so the
// same query finds the same articles on both (TestSearchSameOnBothBackends).

// searchTerm is one thing every match must contain: a word, or a phrase
// of words in a row; the last term of a query may be a prefix.
type searchTerm struct {
	words  []string
	prefix bool
}

// parseSearch turns what a person types into terms: every word must
// match, a "quoted phrase" must match as written, and the last word (not
// a closed phrase) matches as a prefix (search as you type). Operators
// and punctuation are not passed through, so no input is a syntax error.
func parseSearch(text string) []searchTerm {
	var terms []searchTerm
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }
	parts := strings.Split(text, `"`)
	for i, part := range parts {
		words := strings.FieldsFunc(part, func(r rune) bool { return !isWordRune(r) })
		if len(words) == 0 {
			continue
		}
		quoted := i%2 == 1 && i < len(parts)-1 // a closed "…"
		if quoted && len(words) > 1 {
			terms = append(terms, searchTerm{words: words})
			continue
		}
		for _, w := range words {
			terms = append(terms, searchTerm{words: []string{w}})
		}
	}
	if n := len(terms); n > 0 {
		last := parts[len(parts)-1]
		closedPhrase := len(terms[n-1].words) > 1
		if !closedPhrase || strings.TrimSpace(last) != "" {
			terms[n-1].prefix = true
		}
	}
	return terms
}

// ftsQuery is the FTS5 MATCH expression of the terms ("" for none).
func ftsQuery(text string) string {
	terms := parseSearch(text)
	out := make([]string, 0, len(terms))
	for _, t := range terms {
		q := `"` + strings.Join(t.words, " ") + `"`
		if t.prefix {
			q += "*"
		}
		out = append(out, q)
	}
	return strings.Join(out, " ")
}

// tsQuery is the PostgreSQL tsquery of the terms ("" for none), over the
// words as searchTokens folds them.
func tsQuery(text string) string {
	var out []string
	for _, t := range parseSearch(text) {
		var toks []string
		for _, w := range t.words {
			toks = append(toks, searchTokens(w)...)
		}
		if len(toks) == 0 {
			// FTS5 finds nothing for a term without a token.
			return "'' & !''"
		}
		for i, tok := range toks {
			toks[i] = "'" + tok + "'"
		}
		if t.prefix {
			toks[len(toks)-1] += ":*"
		}
		if len(toks) == 1 {
			out = append(out, toks[0])
		} else {
			out = append(out, "("+strings.Join(toks, " <-> ")+")")
		}
	}
	return strings.Join(out, " & ")
}

// searchTokens cuts text into index words as unicode61 does: runs of
// letters, digits and private-use characters, lower-cased, without
// diacritics.
func searchTokens(text string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range norm.NFD.String(text) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a diacritic: dropped, the word goes on
		case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r):
			cur.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// PostgreSQL's limits on a tsvector: positions run to 16383, a word keeps
// at most 256 of them, and a word is at most 2047 bytes. Past them a
// phrase may go unfound on PostgreSQL that SQLite finds.
const (
	tsMaxPosition  = 16383
	tsMaxPositions = 256
	tsMaxWordBytes = 2046
)

// tsVector is the tsvector literal of the columns' words with their
// positions; a gap between columns keeps a phrase from matching across
// two of them, as FTS5 phrases stay in one column.
func tsVector(columns ...string) string {
	positions := make(map[string][]int)
	pos := 0
	for _, col := range columns {
		for _, tok := range searchTokens(col) {
			pos++
			if len(tok) > tsMaxWordBytes {
				continue
			}
			p := positions[tok]
			if len(p) < tsMaxPositions && pos <= tsMaxPosition {
				positions[tok] = append(p, pos)
			} else if len(p) == 0 {
				positions[tok] = []int{tsMaxPosition}
			}
		}
		pos++
	}
	words := make([]string, 0, len(positions))
	for w := range positions {
		words = append(words, w)
	}
	sort.Strings(words)
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('\'')
		b.WriteString(w)
		b.WriteString("':")
		for j, p := range positions[w] {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}
