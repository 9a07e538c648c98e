package storage

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"newsroom/domain"
)

// Setting keys of the house style (see domain.StyleSettings).
const (
	SettingStyleHeadlineCase     = "style_headline_case"      // sentence | title
	SettingStyleSpelling         = "style_spelling"           // en-GB | en-US | "" (consistent only)
	SettingStyleMaxSentenceWords = "style_max_sentence_words" // a number; 0 = default, -1 = off
	SettingStyleCurlyQuotes      = "style_curly_quotes"       // true | false
	SettingStyleDiscouraged      = "style_discouraged"        // one per line: "word => preferred" or "word"
)

// StyleSettings reads the newsroom's house style, with the defaults of
// domain.DefaultStyleSettings for what was never set. A value that cannot
// be read is an error naming the setting.
func (s *Store) StyleSettings(ctx context.Context) (domain.StyleSettings, error) {
	st := domain.DefaultStyleSettings()
	get := func(key string) (string, error) { return s.Setting(ctx, key, "") }
	v, err := get(SettingStyleHeadlineCase)
	if err != nil {
		return st, err
	}
	switch domain.HeadlineCase(v) {
	case "":
	case domain.SentenceCase, domain.TitleCase:
		st.HeadlineCase = domain.HeadlineCase(v)
	default:
		return st, fmt.Errorf("setting %s: %q is not sentence or title", SettingStyleHeadlineCase, v)
	}
	if v, err = get(SettingStyleSpelling); err != nil {
		return st, err
	}
	switch domain.SpellingVariety(v) {
	case "", domain.BritishSpelling, domain.AmericanSpelling:
		st.Spelling = domain.SpellingVariety(v)
	default:
		return st, fmt.Errorf("setting %s: %q is not en-GB or en-US", SettingStyleSpelling, v)
	}
	if v, err = get(SettingStyleMaxSentenceWords); err != nil {
		return st, err
	}
	if v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return st, fmt.Errorf("setting %s: %q is not a number", SettingStyleMaxSentenceWords, v)
		}
		st.MaxSentenceWords = n
	}
	if v, err = get(SettingStyleCurlyQuotes); err != nil {
		return st, err
	}
	if v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return st, fmt.Errorf("setting %s: %q is not true or false", SettingStyleCurlyQuotes, v)
		}
		st.CurlyQuotes = b
	}
	if v, err = get(SettingStyleDiscouraged); err != nil {
		return st, err
	}
	st.Discouraged = ParseWordRules(v)
	return st, nil
}

// ParseWordRules reads discouraged words, one per line: "word => preferred"
// or just "word"; blank lines and lines starting with # are skipped.
func ParseWordRules(text string) []domain.WordRule {
	var out []domain.WordRule
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		word, preferred, _ := strings.Cut(line, "=>")
		if word = strings.TrimSpace(word); word != "" {
			out = append(out, domain.WordRule{Word: word, Preferred: strings.TrimSpace(preferred)})
		}
	}
	return out
}
