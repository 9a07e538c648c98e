package storage

import (
	"context"
	"fmt"
	"sort"
	"time"

	"newsroom/domain"
)

// ExportArticles returns published articles (and, with includeDrafts, all
// others) with their quotes and sources, newest publication first.
func (s *Store) ExportArticles(ctx context.Context, includeDrafts bool) ([]domain.Article, error) {
	where := `WHERE status = 'published'`
	if includeDrafts {
		where = ``
	}
	// Read in table order and sort here: an ORDER BY over the bodies would
	// make SQLite spill tens of megabytes to a temporary sort file.
	rows, err := s.reader.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles `+where)
	if err != nil {
		return nil, fmt.Errorf("export articles: %w", err)
	}
	var out []domain.Article
	index := make(map[int64]int, 1024)
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("export articles: %w", err)
		}
		out = append(out, *a)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("export articles: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		ti, tj := exportTime(&out[i]), exportTime(&out[j])
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return out[i].ID > out[j].ID
	})
	for i := range out {
		index[out[i].ID] = i
	}
	if err := s.attachSources(ctx, out, index); err != nil {
		return nil, err
	}
	if err := s.attachQuotes(ctx, out, index); err != nil {
		return nil, err
	}
	return out, nil
}

// attachSources loads every article's sources in one query.
func (s *Store) attachSources(ctx context.Context, out []domain.Article, index map[int64]int) error {
	rows, err := s.reader.QueryContext(ctx, `SELECT x.article_id, s.id, s.name, s.kind, s.url, s.note
		FROM article_sources x JOIN sources s ON s.id = x.source_id ORDER BY x.article_id, x.position`)
	if err != nil {
		return fmt.Errorf("export sources: %w", err)
	}
	for rows.Next() {
		var id int64
		var src domain.Source
		var kind string
		if err := rows.Scan(&id, &src.ID, &src.Name, &kind, &src.URL, &src.Note); err != nil {
			rows.Close()
			return fmt.Errorf("export sources: %w", err)
		}
		src.Kind = domain.SourceKind(kind)
		if i, ok := index[id]; ok {
			out[i].Sources = append(out[i].Sources, src)
		}
	}
	return closeRows(rows)
}

// attachQuotes loads every article's quotes in one query.
func (s *Store) attachQuotes(ctx context.Context, out []domain.Article, index map[int64]int) error {
	rows, err := s.reader.QueryContext(ctx, `SELECT article_id, id, ref, text, speaker, role, context, source_name
		FROM quotes ORDER BY article_id, position`)
	if err != nil {
		return fmt.Errorf("export quotes: %w", err)
	}
	for rows.Next() {
		var id int64
		var q domain.Quote
		if err := rows.Scan(&id, &q.ID, &q.Ref, &q.Text, &q.Speaker, &q.Role, &q.Context, &q.Source); err != nil {
			rows.Close()
			return fmt.Errorf("export quotes: %w", err)
		}
		if i, ok := index[id]; ok {
			out[i].Quotes = append(out[i].Quotes, q)
		}
	}
	return closeRows(rows)
}

// exportTime orders exported articles: publication time, else last update.
func exportTime(a *domain.Article) time.Time {
	if a.PublishedAt.IsZero() {
		return a.UpdatedAt
	}
	return a.PublishedAt
}
