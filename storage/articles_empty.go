package storage

import (
	"context"
	"database/sql"
	"fmt"

	"newsroom/domain"
)

// EmptyDraft returns the id of the newest draft with byline and nothing
// else: never saved since it was made (version 1), no headline,
// standfirst, body, section, kind, tags, lead image, quotes or sources,
// not imported, not in the trash, and not being edited in another window.
// File → New article opens it instead of making one more "(untitled)"
// row each time. It fails with domain.ErrNotFound when there is none.
func (s *Store) EmptyDraft(ctx context.Context, byline string) (int64, error) {
	var found int64
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT a.id, COALESCE(l.token, ''), l.refreshed_at
			FROM articles a LEFT JOIN article_locks l ON l.article_id = a.id
			WHERE a.status = 'draft' AND a.version = 1 AND a.byline = ? AND a.headline = '' AND a.standfirst = ''
			AND a.body = '' AND a.section = '' AND a.kind = '' AND a.keywords = '[]' AND a.lead_image IS NULL
			AND a.origin IS NULL AND a.trashed_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)
			AND NOT EXISTS (SELECT 1 FROM article_sources x WHERE x.article_id = a.id)
			ORDER BY a.id DESC LIMIT 20`, byline)
		if err != nil {
			return err
		}
		defer rows.Close()
		now := s.now()
		for rows.Next() {
			var (
				id        int64
				token     string
				refreshed sql.NullInt64
			)
			if err := rows.Scan(&id, &token, &refreshed); err != nil {
				return err
			}
			held := token != "" && fresh(fromMicros(refreshed), now) && token != s.myToken(id)
			if !held && found == 0 {
				found = id
			}
		}
		return rows.Err()
	})
	if err != nil {
		return 0, fmt.Errorf("find an empty draft of %q: %w", byline, err)
	}
	if found == 0 {
		return 0, fmt.Errorf("find an empty draft of %q: %w", byline, domain.ErrNotFound)
	}
	return found, nil
}
