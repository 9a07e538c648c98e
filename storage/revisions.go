package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"newsroom/domain"
)

// addRevision snapshots a. With coalesce, a recent revision by the same
// person (within RevisionBurst of its last save, and younger than
// revisionSpan) absorbs the snapshot instead of a new row being added.
func (s *Store) addRevision(ctx context.Context, tx *sql.Tx, a *domain.Article, who, note string, coalesce bool) error {
	quotes, err := json.Marshal(quotesForRevision(a.Quotes))
	if err != nil {
		return err
	}
	now := s.now()
	if coalesce {
		var (
			id               int64
			created, updated int64
			author, lastNote string
		)
		err := tx.QueryRowContext(ctx, `SELECT id, created_at, updated_at, author, note FROM revisions
			WHERE article_id = ? ORDER BY id DESC LIMIT 1`, a.ID).Scan(&id, &created, &updated, &author, &lastNote)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read last revision of %q: %w", a.Slug, err)
		}
		if err == nil && author == who && lastNote == "" &&
			now.Sub(time.UnixMicro(updated)) < RevisionBurst && now.Sub(time.UnixMicro(created)) < revisionSpan {
			_, err := tx.ExecContext(ctx, `UPDATE revisions SET updated_at = ?, status = ?, headline = ?, standfirst = ?,
				body = ?, quotes = ? WHERE id = ?`, now.UnixMicro(), string(a.Status), a.Headline, a.Standfirst, a.Body, string(quotes), id)
			if err != nil {
				return fmt.Errorf("extend revision of %q: %w", a.Slug, err)
			}
			return nil
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO revisions (article_id, created_at, updated_at, author, status, headline,
		standfirst, body, quotes, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, now.UnixMicro(), now.UnixMicro(), who, string(a.Status), a.Headline, a.Standfirst, a.Body, string(quotes), note)
	if err != nil {
		return fmt.Errorf("add revision of %q: %w", a.Slug, err)
	}
	return nil
}

// quotesForRevision drops row ids, which a restore must not reuse.
func quotesForRevision(qs []domain.Quote) []domain.Quote {
	out := make([]domain.Quote, len(qs))
	for i, q := range qs {
		q.ID = 0
		out[i] = q
	}
	return out
}

// Revisions lists an article's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]domain.Revision, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT id, article_id, updated_at, author, status, headline, standfirst,
		body, quotes, note FROM revisions WHERE article_id = ? ORDER BY id DESC`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list revisions of article %d: %w", articleID, err)
	}
	var out []domain.Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list revisions of article %d: %w", articleID, err)
		}
		out = append(out, *r)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list revisions of article %d: %w", articleID, err)
	}
	return out, nil
}

// scanRevision reads one revisions row.
func scanRevision(r rowScanner) (*domain.Revision, error) {
	var (
		rev    domain.Revision
		at     int64
		status string
		quotes string
	)
	if err := r.Scan(&rev.ID, &rev.ArticleID, &at, &rev.Author, &status, &rev.Headline, &rev.Standfirst, &rev.Body, &quotes, &rev.Note); err != nil {
		return nil, err
	}
	rev.CreatedAt = time.UnixMicro(at).UTC()
	rev.Status = domain.Status(status)
	if err := json.Unmarshal([]byte(quotes), &rev.Quotes); err != nil {
		return nil, fmt.Errorf("revision %d quotes: %w", rev.ID, err)
	}
	return &rev, nil
}

// RevisionCount returns how many revisions an article has.
func (s *Store) RevisionCount(ctx context.Context, articleID int64) (int, error) {
	var n int
	err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM revisions WHERE article_id = ?`, articleID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count revisions of article %d: %w", articleID, err)
	}
	return n, nil
}

// RestoreRevision puts a revision's headline, standfirst, body and quotes
// back into its article as a new save (itself a new revision). version is
// the article version the caller holds.
func (s *Store) RestoreRevision(ctx context.Context, revisionID, version int64, who string) (*domain.Article, domain.SaveResult, error) {
	who = s.who(who)
	rev, err := scanRevision(s.reader.QueryRowContext(ctx, `SELECT id, article_id, updated_at, author, status, headline,
		standfirst, body, quotes, note FROM revisions WHERE id = ?`, revisionID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.SaveResult{}, fmt.Errorf("restore revision %d: %w", revisionID, domain.ErrNotFound)
	}
	if err != nil {
		return nil, domain.SaveResult{}, fmt.Errorf("restore revision %d: %w", revisionID, err)
	}
	a, err := s.GetArticle(ctx, rev.ArticleID)
	if err != nil {
		return nil, domain.SaveResult{}, err
	}
	if a.Version != version {
		return nil, domain.SaveResult{}, fmt.Errorf("restore revision %d: the article was changed elsewhere: %w", revisionID, domain.ErrConflict)
	}
	a.Headline, a.Standfirst, a.Body, a.Quotes = rev.Headline, rev.Standfirst, rev.Body, rev.Quotes
	d, err := derive(a, s.houseStyle(ctx))
	if err != nil {
		return nil, domain.SaveResult{}, err
	}
	var res domain.SaveResult
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var cur int64
		if err := tx.QueryRowContext(ctx, `SELECT version FROM articles WHERE id = ?`, a.ID).Scan(&cur); err != nil {
			return fmt.Errorf("restore revision %d: %w", revisionID, err)
		}
		if cur != a.Version {
			return fmt.Errorf("restore revision %d: the article was changed elsewhere: %w", revisionID, domain.ErrConflict)
		}
		if err := s.checkNotLockedByOther(ctx, tx, a.ID); err != nil {
			return fmt.Errorf("restore revision %d: %w", revisionID, err)
		}
		if err := s.guardArticle(ctx, tx, domain.ActEditArticle, a.ID); err != nil {
			return err
		}
		res.Changed = true
		followFactCheck(a, &res)
		if err := s.updateArticle(ctx, tx, a, d); err != nil {
			return err
		}
		detail := fmt.Sprintf("restored from revision %d (%s)", rev.ID, rev.CreatedAt.Format("2006-01-02 15:04"))
		if err := s.addEvent(ctx, tx, a.ID, who, domain.EventRestored, detail); err != nil {
			return err
		}
		if err := s.recordFactCheckChange(ctx, tx, a, who, res); err != nil {
			return err
		}
		return s.addRevision(ctx, tx, a, who, detail, false)
	})
	if err != nil {
		return nil, domain.SaveResult{}, err
	}
	return a, res, nil
}
