package storage

import (
	"context"
	"fmt"

	"newsroom/domain"
)

// ArticleStats counts what belongs to an article besides its text.
type ArticleStats struct {
	Revisions int
	Comments  map[domain.CommentStatus]int
}

// Stats returns the revision and comment counts of every article, by id.
// Articles without revisions or comments have zero counts.
func (s *Store) Stats(ctx context.Context) (map[int64]ArticleStats, error) {
	out := make(map[int64]ArticleStats)
	get := func(id int64) ArticleStats {
		st, ok := out[id]
		if !ok {
			st.Comments = map[domain.CommentStatus]int{domain.CommentPending: 0, domain.CommentApproved: 0, domain.CommentSpam: 0, domain.CommentTrash: 0}
		}
		return st
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT article_id, count(*) FROM revisions GROUP BY article_id`)
	if err != nil {
		return nil, fmt.Errorf("count revisions: %w", err)
	}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("count revisions: %w", err)
		}
		st := get(id)
		st.Revisions = n
		out[id] = st
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("count revisions: %w", err)
	}
	rows, err = s.reader.QueryContext(ctx, `SELECT article_id, status, count(*) FROM comments GROUP BY article_id, status`)
	if err != nil {
		return nil, fmt.Errorf("count comments: %w", err)
	}
	for rows.Next() {
		var id int64
		var status string
		var n int
		if err := rows.Scan(&id, &status, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("count comments: %w", err)
		}
		st := get(id)
		st.Comments[domain.CommentStatus(status)] = n
		out[id] = st
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("count comments: %w", err)
	}
	return out, nil
}

// StatsFor returns one article's counts.
func (s *Store) StatsFor(ctx context.Context, articleID int64) (ArticleStats, error) {
	n, err := s.RevisionCount(ctx, articleID)
	if err != nil {
		return ArticleStats{}, err
	}
	c, err := s.CommentCounts(ctx, articleID)
	if err != nil {
		return ArticleStats{}, err
	}
	return ArticleStats{Revisions: n, Comments: c}, nil
}
