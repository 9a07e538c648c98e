package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"newsroom/domain"
)

// ArticleSummary is one row of the article list: enough to show and sort,
// without the body.
type ArticleSummary struct {
	ID          int64
	Slug        string
	Headline    string
	Standfirst  string
	Byline      string
	Status      domain.Status
	FactChecked bool
	PublishedAt time.Time
	UpdatedAt   time.Time
	Version     int64
}

// ArticleQuery filters the article list. Zero values mean no filter.
type ArticleQuery struct {
	Search      string        // full-text, over headline, standfirst, body, quotes and byline
	Status      domain.Status // "" for all
	FactChecked *bool
	Limit       int // 0 for no limit
	Offset      int
}

// ListArticles returns matching articles, most recently updated first
// (newest first when searching). Trashed articles are left out.
func (s *Store) ListArticles(ctx context.Context, q ArticleQuery) ([]ArticleSummary, error) {
	if s.backend != backendPostgres || ftsQuery(q.Search) == "" {
		return s.listArticles(ctx, q, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC`)
	}
	page := q.Limit > 0 && q.Status == "" && q.FactChecked == nil
	if !page {
		return s.listArticles(ctx, q, `SELECT id FROM articles_fts WHERE doc @@ ?::tsquery`)
	}
	// PostgreSQL cannot tell a rare word from a common one well enough
	// to choose between walking the index newest first (fast when most
	// articles match, a full scan when one does) and the GIN index (the
	// other way round). So: the newest articles first, and the GIN index
	// only when they do not fill the page. The OFFSET 0 keeps the planner
	// from turning that second query into the first.
	window := max(1000, 20*(q.Limit+q.Offset))
	recent, err := s.listArticles(ctx, q, fmt.Sprintf(`SELECT id FROM (SELECT id, doc FROM articles_fts ORDER BY id DESC LIMIT %d) recent
		WHERE doc @@ ?::tsquery ORDER BY id DESC`, window))
	if err != nil || len(recent) == q.Limit {
		return recent, err
	}
	return s.listArticles(ctx, q, `SELECT id FROM (SELECT id FROM articles_fts WHERE doc @@ ?::tsquery OFFSET 0) m ORDER BY id DESC`)
}

// listArticles is ListArticles with inner, the query of the search
// index's matches (newest first) for the one parameter, the FTS5 or the
// tsquery expression.
func (s *Store) listArticles(ctx context.Context, q ArticleQuery, inner string) ([]ArticleSummary, error) {
	var (
		where = []string{"a.trashed_at IS NULL"} // the trash has its own list (ListTrash)
		args  []any
		from  = "articles a"
		order = "a.updated_at DESC, a.id DESC"
	)
	if match := ftsQuery(q.Search); match != "" {
		// Matches come newest first straight from the index (rowid order),
		// which stays fast when a common word matches most articles.
		if s.backend == backendPostgres {
			match = tsQuery(q.Search)
		}
		args = append(args, match)
		if q.Limit > 0 && q.Status == "" && q.FactChecked == nil {
			inner += fmt.Sprintf(" LIMIT %d", q.Limit+q.Offset)
		}
		where = append(where, "a.id IN ("+inner+")")
		order = "a.id DESC"
	} else if strings.TrimSpace(q.Search) != "" {
		return nil, nil // only punctuation: nothing can match
	}
	if q.Status != "" {
		where = append(where, "a.status = ?")
		args = append(args, string(q.Status))
	}
	if q.FactChecked != nil {
		where = append(where, "a.fc_checked = ?")
		args = append(args, *q.FactChecked)
	}
	query := `SELECT a.id, a.slug, a.headline, a.standfirst, a.byline, a.status, a.fc_checked, a.published_at, a.updated_at, a.version FROM ` + from
	query += " WHERE " + strings.Join(where, " AND ")
	query += " ORDER BY " + order
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d OFFSET %d", q.Limit, q.Offset)
	}
	rows, err := s.reader.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	var out []ArticleSummary
	for rows.Next() {
		var (
			a                  ArticleSummary
			status             string
			published, updated sql.NullInt64
		)
		if err := rows.Scan(&a.ID, &a.Slug, &a.Headline, &a.Standfirst, &a.Byline, &status, &a.FactChecked, &published, &updated, &a.Version); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list articles: %w", err)
		}
		a.Status = domain.Status(status)
		a.PublishedAt = fromMicros(published)
		a.UpdatedAt = fromMicros(updated)
		out = append(out, a)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}
