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

// StyleSettingKeys are the house-style settings, in the order they are read.
var StyleSettingKeys = []string{SettingStyleHeadlineCase, SettingStyleSpelling, SettingStyleMaxSentenceWords,
	SettingStyleCurlyQuotes, SettingStyleDiscouraged}

// StyleSettings reads the newsroom's house style, with the defaults of
// domain.DefaultStyleSettings for what was never set. A value that cannot
// be read is an error naming the setting.
func (s *Store) StyleSettings(ctx context.Context) (domain.StyleSettings, error) {
	st := domain.DefaultStyleSettings()
	// One query for all of them: saves and every imported file read it.
	rows, err := s.reader.QueryContext(ctx, `SELECT key, value FROM settings WHERE key IN (?, ?, ?, ?, ?)`,
		SettingStyleHeadlineCase, SettingStyleSpelling, SettingStyleMaxSentenceWords,
		SettingStyleCurlyQuotes, SettingStyleDiscouraged)
	if err != nil {
		return st, fmt.Errorf("read house style: %w", err)
	}
	defer rows.Close()
	values := map[string]string{}
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return st, fmt.Errorf("read house style: %w", err)
		}
		values[key] = value
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("read house style: %w", err)
	}
	for _, key := range StyleSettingKeys {
		if err := applyStyleSetting(&st, key, values[key]); err != nil {
			return st, err
		}
	}
	return st, nil
}

// CheckStyleSetting reports whether value is one the house-style setting
// key takes (nil for keys that are not house style).
func CheckStyleSetting(key, value string) error {
	st := domain.DefaultStyleSettings()
	return applyStyleSetting(&st, key, value)
}

// applyStyleSetting sets the field of st that key names from its stored
// value; an empty value keeps the default.
func applyStyleSetting(st *domain.StyleSettings, key, v string) error {
	v = strings.TrimSpace(v)
	if v == "" {
		return nil
	}
	switch key {
	case SettingStyleHeadlineCase:
		switch domain.HeadlineCase(v) {
		case domain.SentenceCase, domain.TitleCase:
			st.HeadlineCase = domain.HeadlineCase(v)
		default:
			return fmt.Errorf("setting %s: %q is not sentence or title", key, v)
		}
	case SettingStyleSpelling:
		switch domain.SpellingVariety(v) {
		case domain.BritishSpelling, domain.AmericanSpelling:
			st.Spelling = domain.SpellingVariety(v)
		default:
			return fmt.Errorf("setting %s: %q is not en-GB or en-US", key, v)
		}
	case SettingStyleMaxSentenceWords:
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("setting %s: %q is not a number", key, v)
		}
		st.MaxSentenceWords = n
	case SettingStyleCurlyQuotes:
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("setting %s: %q is not true or false", key, v)
		}
		st.CurlyQuotes = b
	case SettingStyleDiscouraged:
		st.Discouraged = ParseWordRules(v)
	}
	return nil
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
