package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"newsroom/domain"
)

// ErrInTrash marks an article that exists only in the trash. It wraps
// domain.ErrNotFound, so callers that only know "not found" still work.
var ErrInTrash = fmt.Errorf("in the trash (restore it first): %w", domain.ErrNotFound)

// TrashedArticle is one article in the trash, as the trash lists it.
type TrashedArticle struct {
	ArticleSummary
	TrashedAt time.Time
	TrashedBy string
}

// notFoundOrTrashed is the error for an article that column = key did
// not find among live articles: ErrInTrash when it is in the trash.
func notFoundOrTrashed(ctx context.Context, q queryer, column string, key any, label string) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE `+column+` = ? AND trashed_at IS NOT NULL`, key).Scan(&n); err != nil {
		return fmt.Errorf("load article %s: %w", label, err)
	}
	if n > 0 {
		return fmt.Errorf("article %s: %w", label, ErrInTrash)
	}
	return fmt.Errorf("article %s: %w", label, domain.ErrNotFound)
}

// TrashArticle moves a live article to the trash: it leaves lists, search,
// export and comment intake, and keeps everything it holds (quotes,
// sources, revisions, corrections, comments) and its slug until the trash
// is emptied or it is restored. The version advances, so a desk still
// editing it gets a conflict instead of saving into the trash.
func (s *Store) TrashArticle(ctx context.Context, id int64, who string) error {
	who = s.who(who)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardArticle(ctx, tx, domain.ActDeleteArticle, id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE articles SET trashed_at = ?, trashed_by = ?, version = version + 1
			WHERE id = ? AND trashed_at IS NULL`, s.now().UnixMicro(), who, id)
		if err != nil {
			return fmt.Errorf("trash article %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFoundOrTrashed(ctx, tx, "id", id, fmt.Sprint(id))
		}
		if err := s.unindexArticle(ctx, tx, id); err != nil {
			return err
		}
		return s.addEvent(ctx, tx, id, who, domain.EventTrashed, "moved to the trash")
	})
}

// RestoreFromTrash brings a trashed article back whole, searchable again,
// and records it in its history. An article not in the trash gives
// domain.ErrNotFound.
func (s *Store) RestoreFromTrash(ctx context.Context, id int64, who string) error {
	who = s.who(who)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guardArticle(ctx, tx, domain.ActDeleteArticle, id); err != nil {
			return err
		}
		a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ? AND trashed_at IS NOT NULL`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("restore article %d from the trash: not in the trash: %w", id, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("restore article %d from the trash: %w", id, err)
		}
		if err := s.loadChildren(ctx, tx, a); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE articles SET trashed_at = NULL, trashed_by = '', version = version + 1
			WHERE id = ?`, id); err != nil {
			return fmt.Errorf("restore %q from the trash: %w", a.Slug, err)
		}
		if err := s.indexArticle(ctx, tx, a, true); err != nil { // replace: never two entries
			return err
		}
		return s.addEvent(ctx, tx, id, who, domain.EventUntrashed, "restored from the trash")
	})
}

// TrashedBySlug returns the trashed article with that slug (a slug stays
// reserved while its article is in the trash), or domain.ErrNotFound.
func (s *Store) TrashedBySlug(ctx context.Context, slug string) (TrashedArticle, error) {
	list, err := s.listTrash(ctx, `AND a.slug = ?`, slug)
	if err != nil {
		return TrashedArticle{}, err
	}
	if len(list) == 0 {
		return TrashedArticle{}, fmt.Errorf("article %q is not in the trash: %w", slug, domain.ErrNotFound)
	}
	return list[0], nil
}

// ListTrash returns the articles in the trash, most recently trashed
// first.
func (s *Store) ListTrash(ctx context.Context) ([]TrashedArticle, error) {
	return s.listTrash(ctx, "")
}

// listTrash reads trashed articles, with an extra condition.
func (s *Store) listTrash(ctx context.Context, cond string, args ...any) ([]TrashedArticle, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT a.id, a.slug, a.headline, a.standfirst, a.byline, a.status, a.fc_checked,
		a.published_at, a.updated_at, a.version, a.trashed_at, a.trashed_by FROM articles a
		WHERE a.trashed_at IS NOT NULL `+cond+` ORDER BY a.trashed_at DESC, a.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("list the trash: %w", err)
	}
	var out []TrashedArticle
	for rows.Next() {
		var (
			t                           TrashedArticle
			status                      string
			published, updated, trashed sql.NullInt64
		)
		if err := rows.Scan(&t.ID, &t.Slug, &t.Headline, &t.Standfirst, &t.Byline, &status, &t.FactChecked,
			&published, &updated, &t.Version, &trashed, &t.TrashedBy); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list the trash: %w", err)
		}
		t.Status = domain.Status(status)
		t.PublishedAt = fromMicros(published)
		t.UpdatedAt = fromMicros(updated)
		t.TrashedAt = fromMicros(trashed)
		out = append(out, t)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list the trash: %w", err)
	}
	return out, nil
}

// EmptyTrash deletes every trashed article for good, with its quotes,
// revisions, corrections, comments and history, in one transaction, and
// returns how many there were. It is the only permanent deletion.
func (s *Store) EmptyTrash(ctx context.Context) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guard(ctx, tx, domain.ActDeleteArticle); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE trashed_at IS NOT NULL`)
		if err != nil {
			return fmt.Errorf("empty the trash: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}
