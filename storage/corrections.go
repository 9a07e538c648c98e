package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"newsroom/domain"
)

// AddCorrection appends a note (correction, clarification or update) to
// the log of the published article with that ID, at the store's clock, and
// records it in the article's history, in one transaction. The article
// itself is not changed: it stays published and its version is kept, so
// an editor holding it can go on saving. It returns the stored note.
func (s *Store) AddCorrection(ctx context.Context, articleID int64, kind domain.CorrectionKind, text, who string) (domain.Correction, error) {
	c := domain.Correction{ArticleID: articleID, Kind: kind, Text: strings.TrimSpace(text), By: strings.TrimSpace(s.who(who))}
	if err := c.Validate(); err != nil {
		return domain.Correction{}, fmt.Errorf("add %s to article %d: %w", kind, articleID, err)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ? AND trashed_at IS NULL`, articleID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("add %s to article %d: %w", kind, articleID, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("add %s to article %d: %w", kind, articleID, err)
		}
		if err := s.guardArticle(ctx, tx, domain.ActCorrect, articleID); err != nil {
			return err
		}
		if err := domain.CanCorrect(a); err != nil {
			return fmt.Errorf("add %s: %w", kind, err)
		}
		c.At = s.now()
		err = tx.QueryRowContext(ctx, `INSERT INTO corrections (article_id, kind, text, at, who) VALUES (?, ?, ?, ?, ?) RETURNING id`,
			articleID, string(c.Kind), c.Text, c.At.UnixMicro(), c.By).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("add %s to %q: %w", kind, a.Slug, err)
		}
		return s.addEvent(ctx, tx, articleID, c.By, domain.EventCorrection, c.Kind.Label()+": "+c.Text)
	})
	if err != nil {
		return domain.Correction{}, err
	}
	return c, nil
}

// Corrections returns the log of the article with that ID, oldest first.
func (s *Store) Corrections(ctx context.Context, articleID int64) ([]domain.Correction, error) {
	out, err := queryCorrections(ctx, s.reader, `WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, fmt.Errorf("corrections of article %d: %w", articleID, err)
	}
	return out, nil
}

// attachCorrections loads the logs of the articles in out (of those in
// idList, when not empty) in one query.
func (s *Store) attachCorrections(ctx context.Context, out []domain.Article, index map[int64]int, idList string) error {
	where, args := s.idFilter("article_id", idList)
	list, err := queryCorrections(ctx, s.reader, where, args...)
	if err != nil {
		return fmt.Errorf("export corrections: %w", err)
	}
	for _, c := range list {
		if i, ok := index[c.ArticleID]; ok {
			out[i].Corrections = append(out[i].Corrections, c)
		}
	}
	return nil
}

// queryCorrections reads corrections matching where, in log order.
func queryCorrections(ctx context.Context, q queryer, where string, args ...any) ([]domain.Correction, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, article_id, kind, text, at, who FROM corrections `+where+` ORDER BY article_id, id`, args...)
	if err != nil {
		return nil, err
	}
	var out []domain.Correction
	for rows.Next() {
		var c domain.Correction
		var kind string
		var at sql.NullInt64
		if err := rows.Scan(&c.ID, &c.ArticleID, &kind, &c.Text, &at, &c.By); err != nil {
			rows.Close()
			return nil, err
		}
		c.Kind = domain.CorrectionKind(kind)
		c.At = fromMicros(at)
		out = append(out, c)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}
