package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"newsroom/domain"
)

// ImportBatch is one all-or-nothing import: every upsert runs in a single
// write transaction that Commit makes durable and Rollback discards. The
// transaction begins with the first write, after that article's derived
// work (the attribution check) is done, so reading and checking the first
// article never holds the write lock.
type ImportBatch struct {
	s   *Store
	tx  *sql.Tx // nil until the first write
	who string
}

// BeginImport starts an import. who is recorded on revisions.
func (s *Store) BeginImport(ctx context.Context, who string) (*ImportBatch, error) {
	if err := s.Damaged(); err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	return &ImportBatch{s: s, who: who}, nil
}

// begin starts the write transaction at the first write.
func (b *ImportBatch) begin(ctx context.Context) error {
	if b.tx != nil {
		return nil
	}
	tx, err := b.s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("begin import: %w", err)
	}
	b.tx = tx
	return nil
}

// UpsertArticle stores a, matched by a.Origin when set, else by a.Slug. It
// sets a.ID; created is false when an existing article was updated.
func (b *ImportBatch) UpsertArticle(ctx context.Context, a *domain.Article) (bool, error) {
	if a.Status == "" {
		a.Status = domain.StatusDraft
	}
	if err := a.Validate(); err != nil {
		return false, fmt.Errorf("import article %q: %w", a.Slug, err)
	}
	d, err := derive(a) // before the write lock
	if err != nil {
		return false, err
	}
	if err := b.begin(ctx); err != nil {
		return false, err
	}
	var id int64
	err = sql.ErrNoRows
	if a.Origin != "" {
		err = b.tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE origin = ?`, a.Origin).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) && strings.HasPrefix(a.Origin, "wxr:") {
		// A WordPress post never takes over an article that came from
		// elsewhere: it gets a free slug instead.
		if a.Slug, err = b.freeSlug(ctx, a.Slug); err != nil {
			return false, err
		}
		return true, b.s.insertArticle(ctx, b.tx, a, b.who, d)
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = b.tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE slug = ?`, a.Slug).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return true, b.s.insertArticle(ctx, b.tx, a, b.who, d)
	}
	if err != nil {
		return false, fmt.Errorf("import article %q: %w", a.Slug, err)
	}
	old, err := scanArticle(b.tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if err != nil {
		return false, fmt.Errorf("import article %q: %w", a.Slug, err)
	}
	if err := b.s.loadChildren(ctx, b.tx, old); err != nil {
		return false, err
	}
	a.ID, a.Version, a.CreatedAt = old.ID, old.Version, old.CreatedAt
	if !a.FactCheck.Checked {
		a.FactCheck = old.FactCheck
	}
	if sameArticle(old, a) {
		a.UpdatedAt = old.UpdatedAt
		return false, nil
	}
	domain.ReconcileFactCheck(a)
	if err := b.s.updateArticle(ctx, b.tx, a, d); err != nil {
		return false, err
	}
	if contentChanged(old, a) || old.Status != a.Status {
		if err := b.s.addRevision(ctx, b.tx, a, b.who, "imported", false); err != nil {
			return false, err
		}
	}
	return false, nil
}

// freeSlug returns slug, or slug-2, slug-3… when it is taken.
func (b *ImportBatch) freeSlug(ctx context.Context, slug string) (string, error) {
	candidate := slug
	for i := 2; ; i++ {
		var n int
		if err := b.tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE slug = ?`, candidate).Scan(&n); err != nil {
			return "", fmt.Errorf("import article %q: %w", slug, err)
		}
		if n == 0 {
			return candidate, nil
		}
		candidate = fmt.Sprintf("%s-%d", slug, i)
	}
}

// UpsertComment stores c, matched by c.Origin when set. c.ArticleID and
// c.ParentID must be stored ids. It sets c.ID.
func (b *ImportBatch) UpsertComment(ctx context.Context, c *domain.Comment) (bool, error) {
	if err := b.begin(ctx); err != nil {
		return false, err
	}
	if c.Origin != "" {
		var id int64
		err := b.tx.QueryRowContext(ctx, `SELECT id FROM comments WHERE origin = ?`, c.Origin).Scan(&id)
		if err == nil {
			c.ID = id
			var parent sql.NullInt64
			if c.ParentID != 0 {
				parent = sql.NullInt64{Int64: c.ParentID, Valid: true}
			}
			_, err := b.tx.ExecContext(ctx, `UPDATE comments SET article_id = ?, parent_id = ?, author = ?, email = ?, url = ?,
				body = ?, status = ?, type = ?, submitted_at = ?, client_addr = ? WHERE id = ?`,
				c.ArticleID, parent, c.Author, c.Email, c.URL, c.Body, string(c.Status), string(c.Type),
				c.SubmittedAt.UnixMicro(), c.ClientAddr, id)
			if err != nil {
				return false, fmt.Errorf("import comment %s: %w", c.Origin, err)
			}
			return false, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return false, fmt.Errorf("import comment %s: %w", c.Origin, err)
		}
	}
	if err := insertComment(ctx, b.tx, c, b.s.now()); err != nil {
		return false, fmt.Errorf("import comment %s: %w", c.Origin, err)
	}
	return true, nil
}

// SetCommentParent links an imported comment to its parent, for parents
// that came after their replies in the file.
func (b *ImportBatch) SetCommentParent(ctx context.Context, id, parentID int64) error {
	if err := b.begin(ctx); err != nil {
		return err
	}
	_, err := b.tx.ExecContext(ctx, `UPDATE comments SET parent_id = ? WHERE id = ?`, parentID, id)
	if err != nil {
		return fmt.Errorf("link comment %d to parent %d: %w", id, parentID, err)
	}
	return nil
}

// Commit makes the import durable.
func (b *ImportBatch) Commit() error {
	if b.tx == nil {
		return b.s.Damaged()
	}
	if err := b.tx.Commit(); err != nil {
		return b.s.damaged(fmt.Errorf("commit import: %w", err))
	}
	return b.s.Damaged()
}

// Rollback discards the import.
func (b *ImportBatch) Rollback() error {
	if b.tx == nil {
		return nil
	}
	err := b.tx.Rollback()
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back import: %w", err)
	}
	return nil
}
