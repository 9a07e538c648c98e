package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"newsroom/domain"
)

// RevisionBurst is how long after its last save a revision keeps absorbing
// further saves by the same person, so a typing burst makes one revision.
const RevisionBurst = 5 * time.Minute

// revisionSpan caps how long one revision may keep absorbing saves.
const revisionSpan = 30 * time.Minute

// SaveArticle writes a, which must carry the Version it was read at. If
// the stored article has moved on, it fails with ErrConflict and writes
// nothing. A change to text the fact check covered revokes the check
// (recorded in the history). On success a.Version and a.UpdatedAt advance.
func (s *Store) SaveArticle(ctx context.Context, a *domain.Article, who string) (domain.SaveResult, error) {
	var res domain.SaveResult
	if err := a.Validate(); err != nil {
		return res, fmt.Errorf("save article %q: %w", a.Slug, err)
	}
	d, err := derive(a)
	if err != nil {
		return res, err
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, a.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("save article %q: %w", a.Slug, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("save article %q: %w", a.Slug, err)
		}
		if old.Version != a.Version {
			return fmt.Errorf("save article %q: it was changed elsewhere (version %d, yours %d): %w",
				a.Slug, old.Version, a.Version, domain.ErrConflict)
		}
		if err := s.loadChildren(ctx, tx, old); err != nil {
			return err
		}
		if sameArticle(old, a) {
			return nil
		}
		res.Changed = true
		res.FactCheckRevoked = domain.ReconcileFactCheck(a)
		if err := s.updateArticle(ctx, tx, a, d); err != nil {
			return err
		}
		if res.FactCheckRevoked {
			if err := s.addEvent(ctx, tx, a.ID, who, domain.EventFactCheckRevoked, "the checked text changed"); err != nil {
				return err
			}
		}
		if old.Status != a.Status {
			if err := s.addEvent(ctx, tx, a.ID, who, domain.EventStatus, fmt.Sprintf("%s → %s", old.Status, a.Status)); err != nil {
				return err
			}
		}
		if contentChanged(old, a) || old.Status != a.Status {
			note := ""
			if res.FactCheckRevoked {
				note = "fact check revoked"
			}
			return s.addRevision(ctx, tx, a, who, note, old.Status == a.Status && note == "")
		}
		return nil
	})
	if err != nil {
		return domain.SaveResult{}, err
	}
	return res, nil
}

// updateArticle writes every column of a and bumps its version; d was
// derived from a's text before the transaction.
func (s *Store) updateArticle(ctx context.Context, tx *sql.Tx, a *domain.Article, d derived) error {
	a.Attribution = d.findings
	digest := domain.ContentDigest(a)
	now := s.now()
	if err := checkLeadImage(ctx, tx, a); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE articles SET slug = ?, headline = ?, standfirst = ?, byline = ?, body = ?,
		status = ?, published_at = ?, keywords = ?, fc_checked = ?, fc_by = ?, fc_at = ?, fc_digest = ?,
		updated_at = ?, version = version + 1, origin = ?, attribution = ?, content_digest = ?, section = ?, kind = ?, lead_image = ? WHERE id = ?`,
		a.Slug, a.Headline, a.Standfirst, a.Byline, a.Body, string(a.Status), micros(a.PublishedAt), d.keywords,
		a.FactCheck.Checked, a.FactCheck.By, micros(a.FactCheck.At), a.FactCheck.Digest, micros(now), nullString(a.Origin),
		d.attribution, digest, a.Section, string(a.Kind), nullString(a.LeadImage), a.ID)
	if err != nil {
		return articleWriteError(a, err)
	}
	if err := writeChildren(ctx, tx, a); err != nil {
		return err
	}
	if err := indexArticle(ctx, tx, a, true); err != nil {
		return err
	}
	a.Version++
	a.UpdatedAt = now
	a.StoredDigest = digest
	return nil
}

// contentChanged reports whether the revisioned text differs.
func contentChanged(old, a *domain.Article) bool {
	return old.Headline != a.Headline || old.Standfirst != a.Standfirst || old.Body != a.Body || !sameQuotes(old.Quotes, a.Quotes)
}

// sameArticle reports whether saving a over old would change nothing.
func sameArticle(old, a *domain.Article) bool {
	if contentChanged(old, a) || old.Slug != a.Slug || old.Byline != a.Byline || old.Status != a.Status ||
		!old.PublishedAt.Equal(a.PublishedAt) || old.FactCheck.Checked != a.FactCheck.Checked ||
		old.FactCheck.By != a.FactCheck.By || !old.FactCheck.At.Equal(a.FactCheck.At) || old.Origin != a.Origin ||
		old.Section != a.Section || old.Kind != a.Kind || old.LeadImage != a.LeadImage {
		return false
	}
	if len(old.Keywords) != len(a.Keywords) || len(old.Sources) != len(a.Sources) {
		return false
	}
	for i := range old.Keywords {
		if old.Keywords[i] != a.Keywords[i] {
			return false
		}
	}
	for i := range old.Sources {
		o, n := old.Sources[i], a.Sources[i]
		if o.Name != n.Name || o.Kind != n.Kind || o.URL != n.URL || o.Note != n.Note {
			return false
		}
	}
	return true
}

// sameQuotes compares quote records, ignoring their row ids.
func sameQuotes(a, b []domain.Quote) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.ID, y.ID = 0, 0
		if x != y {
			return false
		}
	}
	return true
}

// SetFactCheck marks the article checked by who (at the store's clock), or
// clears the mark, and records it in the history. version must be the
// version the caller holds. It returns the updated article.
func (s *Store) SetFactCheck(ctx context.Context, id, version int64, who string, checked bool) (*domain.Article, error) {
	var out *domain.Article
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("fact check article %d: %w", id, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("fact check article %d: %w", id, err)
		}
		if a.Version != version {
			return fmt.Errorf("fact check %q: it was changed elsewhere: %w", a.Slug, domain.ErrConflict)
		}
		if err := s.loadChildren(ctx, tx, a); err != nil {
			return err
		}
		kind, detail := domain.EventFactCheckCleared, "mark removed"
		if checked {
			if err := domain.MarkChecked(a, who, s.now()); err != nil {
				return fmt.Errorf("fact check %q: %w", a.Slug, err)
			}
			kind, detail = domain.EventFactChecked, "checked by "+who
		} else {
			a.FactCheck.Checked = false
		}
		d, err := deriveStored(a) // the text is unchanged: no check is run here
		if err != nil {
			return err
		}
		if err := s.updateArticle(ctx, tx, a, d); err != nil {
			return err
		}
		if err := s.addEvent(ctx, tx, a.ID, who, kind, detail); err != nil {
			return err
		}
		out = a
		return nil
	})
	return out, err
}
