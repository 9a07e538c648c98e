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
func (s *Store) backfillExportCaches(ctx context.Context) error {
	var pending int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE content_digest = ''`).Scan(&pending); err != nil {
		return fmt.Errorf("check stored digests: %w", err)
	}
	if pending == 0 {
		return nil
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM articles WHERE content_digest = ''`)
		if err != nil {
			return fmt.Errorf("backfill stored digests: %w", err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return fmt.Errorf("backfill stored digests: %w", err)
			}
			ids = append(ids, id)
		}
		if err := closeRows(rows); err != nil {
			return fmt.Errorf("backfill stored digests: %w", err)
		}
		for _, id := range ids {
			a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
			if err != nil {
				return fmt.Errorf("backfill article %d: %w", id, err)
			}
			if err := s.loadChildren(ctx, tx, a); err != nil {
				return err
			}
			attribution, err := storedFindings(a)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE articles SET attribution = ?, content_digest = ? WHERE id = ?`,
				attribution, domain.ContentDigest(a), id); err != nil {
				return fmt.Errorf("backfill article %q: %w", a.Slug, err)
			}
		}
		return nil
	})
}
