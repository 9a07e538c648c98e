package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"newsroom/domain"
)

// SettingSpellingLanguage names the dictionary the spelling check uses
// ("en-GB", "en-US", …); empty means the house spelling variety, else
// en-US.
const SettingSpellingLanguage = "spelling_language"

// SpellingLanguage is the dictionary language the newsroom checks with.
func (s *Store) SpellingLanguage(ctx context.Context) (string, error) {
	lang, err := s.Setting(ctx, SettingSpellingLanguage, "")
	if err != nil || strings.TrimSpace(lang) != "" {
		return strings.TrimSpace(lang), err
	}
	style, err := s.StyleSettings(ctx)
	if err != nil {
		return "", err
	}
	if style.Spelling != "" {
		return string(style.Spelling), nil
	}
	return string(domain.AmericanSpelling), nil
}

// maxDictionaryWord is the longest word the dictionaries take, in bytes.
const maxDictionaryWord = 100

// cleanWord trims a word for the dictionaries and checks it is one word.
func cleanWord(word string) (string, error) {
	w := strings.TrimSpace(strings.ReplaceAll(word, "’", "'"))
	switch {
	case w == "":
		return "", domain.Invalidf("the word is empty")
	case len(w) > maxDictionaryWord:
		return "", domain.Invalidf("the word is longer than %d bytes", maxDictionaryWord)
	case !utf8.ValidString(w) || strings.ContainsFunc(w, func(r rune) bool { return r < ' ' || r == ' ' || r == 0x7f }):
		return "", domain.Invalidf("%q is not one word", w)
	}
	return w, nil
}

// AddDictionaryWord adds a word to the newsroom's dictionary (every desk
// on this database accepts it from then on). Adding a known word again is
// not an error.
func (s *Store) AddDictionaryWord(ctx context.Context, word, by string) error {
	by = s.who(by)
	w, err := cleanWord(word)
	if err != nil {
		return fmt.Errorf("add %q to the dictionary: %w", word, err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO dictionary_words (word, added_by, added_at) VALUES (?, ?, ?)
			ON CONFLICT (word) DO NOTHING`, w, by, s.now().UnixMicro()); err != nil {
			return fmt.Errorf("add %q to the dictionary: %w", w, err)
		}
		return nil
	})
}

// RemoveDictionaryWord takes a word out of the newsroom's dictionary;
// ErrNotFound when it is not there.
func (s *Store) RemoveDictionaryWord(ctx context.Context, word string) error {
	w, err := cleanWord(word)
	if err != nil {
		return fmt.Errorf("remove %q from the dictionary: %w", word, err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM dictionary_words WHERE word = ?`, w)
		if err != nil {
			return fmt.Errorf("remove %q from the dictionary: %w", w, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("remove %q from the dictionary: %w", w, domain.ErrNotFound)
		}
		return nil
	})
}

// DictionaryWords lists the newsroom's dictionary, sorted.
func (s *Store) DictionaryWords(ctx context.Context) ([]string, error) {
	return s.words(ctx, "read the dictionary", `SELECT word FROM dictionary_words ORDER BY word`)
}

// IgnoreWord makes the spelling check accept word in one article only.
func (s *Store) IgnoreWord(ctx context.Context, articleID int64, word string) error {
	w, err := cleanWord(word)
	if err != nil {
		return fmt.Errorf("ignore %q: %w", word, err)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO article_ignored_words (article_id, word) VALUES (?, ?)
			ON CONFLICT DO NOTHING`, articleID, w)
		if isForeignKeyError(err) {
			return fmt.Errorf("ignore %q in article %d: %w", w, articleID, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("ignore %q in article %d: %w", w, articleID, err)
		}
		return nil
	})
}

// IgnoredWords lists the words ignored in one article, sorted.
func (s *Store) IgnoredWords(ctx context.Context, articleID int64) ([]string, error) {
	return s.words(ctx, "read ignored words", `SELECT word FROM article_ignored_words WHERE article_id = ? ORDER BY word`, articleID)
}

// words runs a query of one text column.
func (s *Store) words(ctx context.Context, what, query string, args ...any) ([]string, error) {
	rows, err := s.reader.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var w string
		if err := rows.Scan(&w); err != nil {
			return nil, fmt.Errorf("%s: %w", what, err)
		}
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return out, nil
}
