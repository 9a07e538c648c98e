package storage

import (
	"context"
	"database/sql"
	"fmt"

	"newsroom/domain"
)

// backfillExportCaches computes the stored attribution findings and
// content digests of articles saved before those columns existed
// (migration 0002), in one transaction. It costs one pass the first
// time an older database is opened and nothing afterwards.
//
// Both columns are caches that readers do without (an export then checks
// and renders the article afresh), so the backfill never stops a database
// from opening: an article it cannot read is left as it is, and any other
// failure leaves everything as it was. It returns how many articles it
// filled in.
func (s *Store) backfillExportCaches(ctx context.Context) int {
	var pending int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE content_digest = ''`).Scan(&pending); err != nil || pending == 0 {
		return 0
	}
	filled := 0
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		ids, err := pendingBackfill(ctx, tx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
			if err != nil {
				continue // unreadable (damaged keywords…): loading it reports that
			}
			if err := s.loadChildren(ctx, tx, a); err != nil {
				continue
			}
			attribution, err := storedFindings(a)
			if err != nil {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET attribution = ?, content_digest = ? WHERE id = ?`,
				attribution, domain.ContentDigest(a), id); err != nil {
				return fmt.Errorf("backfill article %q: %w", a.Slug, err)
			}
			filled++
		}
		return nil
	})
	if err != nil {
		return 0
	}
	return filled
}

// pendingBackfill lists the articles without a stored digest.
func pendingBackfill(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM articles WHERE content_digest = ''`)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, closeRows(rows)
}
