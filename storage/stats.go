package storage

import (
	"context"
	"encoding/json"
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
	return s.stats(ctx, "", nil)
}

// StatsOf returns the counts of the articles with these IDs only.
func (s *Store) StatsOf(ctx context.Context, ids []int64) (map[int64]ArticleStats, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	where, args := s.idFilter("article_id", string(list))
	return s.stats(ctx, where, args)
}

// stats counts the revisions and comments of the articles where selects.
func (s *Store) stats(ctx context.Context, where string, args []any) (map[int64]ArticleStats, error) {
	out := make(map[int64]ArticleStats)
	get := func(id int64) ArticleStats {
		st, ok := out[id]
		if !ok {
			st.Comments = map[domain.CommentStatus]int{domain.CommentPending: 0, domain.CommentApproved: 0, domain.CommentSpam: 0, domain.CommentTrash: 0}
		}
		return st
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT article_id, count(*) FROM revisions`+where+` GROUP BY article_id`, args...)
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
	rows, err = s.reader.QueryContext(ctx, `SELECT article_id, status, count(*) FROM comments`+where+` GROUP BY article_id, status`, args...)
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
