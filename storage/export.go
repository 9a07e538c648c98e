package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"newsroom/domain"
)

// ExportArticles returns published articles (and, with includeDrafts, all
// others) with their quotes and sources, newest publication first.
func (s *Store) ExportArticles(ctx context.Context, includeDrafts bool) ([]domain.Article, error) {
	where := `WHERE status = 'published' AND trashed_at IS NULL`
	if includeDrafts {
		where = `WHERE trashed_at IS NULL`
	}
	// Read in table order and sort here: an ORDER BY over the bodies would
	// make SQLite spill tens of megabytes to a temporary sort file.
	out, err := s.scanArticles(ctx, 0, `SELECT `+articleColumns+` FROM articles `+where)
	if err != nil {
		return nil, fmt.Errorf("export articles: %w", err)
	}
	sort.Slice(out, func(i, j int) bool {
		ti, tj := exportTime(&out[i]), exportTime(&out[j])
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return out[i].ID > out[j].ID
	})
	index := indexByID(out)
	if err := s.attachSources(ctx, out, index, ""); err != nil {
		return nil, err
	}
	if err := s.attachQuotes(ctx, out, index, ""); err != nil {
		return nil, err
	}
	if err := s.attachCorrections(ctx, out, index, ""); err != nil {
		return nil, err
	}
	return out, nil
}

// summaryColumns are what ExportSummaries reads, all from the covering
// index articles_export_summary.
const summaryColumns = `id, slug, headline, standfirst, status, published_at, fc_checked, updated_at, content_digest,
	byline, keywords, section, kind`

// ExportSummaries returns what an export decides with: every published
// article (with includeDrafts, every article) with its ID, slug,
// headline, standfirst, byline, tags, section, kind of work, status,
// publication and update times, fact-check mark, sources, corrections log
// and stored content digest, and nothing else. Order is unspecified.
func (s *Store) ExportSummaries(ctx context.Context, includeDrafts bool) ([]domain.Article, error) {
	if err := s.guard(ctx, s.reader, domain.ActExport); err != nil {
		return nil, err
	}
	where := `WHERE status = 'published' AND trashed_at IS NULL`
	if includeDrafts {
		where = `WHERE trashed_at IS NULL`
	}
	var n int
	if err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM articles `+where).Scan(&n); err != nil {
		return nil, fmt.Errorf("export summaries: %w", err)
	}
	rows, err := s.reader.QueryContext(ctx, `SELECT `+summaryColumns+` FROM articles `+where)
	if err != nil {
		return nil, fmt.Errorf("export summaries: %w", err)
	}
	out := make([]domain.Article, 0, n)
	for rows.Next() {
		var (
			a                      domain.Article
			status, keywords, kind string
			published, update      sql.NullInt64
		)
		if err := rows.Scan(&a.ID, &a.Slug, &a.Headline, &a.Standfirst, &status, &published, &a.FactCheck.Checked,
			&update, &a.StoredDigest, &a.Byline, &keywords, &a.Section, &kind); err != nil {
			rows.Close()
			return nil, fmt.Errorf("export summaries: %w", err)
		}
		if err := scanKeywords(&a, keywords); err != nil {
			rows.Close()
			return nil, fmt.Errorf("export summaries: %w", err)
		}
		a.Status = domain.Status(status)
		a.Kind = domain.WorkKind(kind)
		a.PublishedAt = fromMicros(published)
		a.UpdatedAt = fromMicros(update)
		out = append(out, a)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("export summaries: %w", err)
	}
	index := indexByID(out)
	if err := s.attachSources(ctx, out, index, ""); err != nil {
		return nil, err
	}
	if err := s.attachCorrections(ctx, out, index, ""); err != nil {
		return nil, err
	}
	return out, nil
}

// ArticlesByID returns the full articles with these IDs, with quotes and
// sources, in unspecified order; IDs of missing articles are skipped.
func (s *Store) ArticlesByID(ctx context.Context, ids []int64) ([]domain.Article, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	idList := string(list)
	out, err := s.scanArticles(ctx, len(ids), `SELECT `+articleColumns+` FROM articles WHERE `+s.backend.idsIn("id")+` AND trashed_at IS NULL`, idList)
	if err != nil {
		return nil, fmt.Errorf("load articles by id: %w", err)
	}
	index := indexByID(out)
	if err := s.attachSources(ctx, out, index, idList); err != nil {
		return nil, err
	}
	if err := s.attachQuotes(ctx, out, index, idList); err != nil {
		return nil, err
	}
	if err := s.attachCorrections(ctx, out, index, idList); err != nil {
		return nil, err
	}
	return out, nil
}

// scanArticles runs an articleColumns query expected to give about n
// rows.
func (s *Store) scanArticles(ctx context.Context, n int, query string, args ...any) ([]domain.Article, error) {
	rows, err := s.reader.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Article, 0, n)
	for rows.Next() {
		out = append(out, domain.Article{})
		if err := scanArticleInto(rows, &out[len(out)-1]); err != nil {
			rows.Close()
			return nil, err
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return out, nil
}

// indexByID maps each article's ID to its position in list.
func indexByID(list []domain.Article) map[int64]int {
	index := make(map[int64]int, len(list))
	for i := range list {
		index[list[i].ID] = i
	}
	return index
}

// idFilter restricts a child-row query to the articles of a JSON list of
// IDs; an empty list means every article.
func (s *Store) idFilter(column, idList string) (string, []any) {
	if idList == "" {
		return "", nil
	}
	return ` WHERE ` + s.backend.idsIn(column), []any{idList}
}

// attachSources loads the sources of the articles in out (of those in
// idList, when not empty). For every article it reads the shared source
// register once and then only the links, so ten thousand articles cost
// two small scans rather than a join of every link with its source.
func (s *Store) attachSources(ctx context.Context, out []domain.Article, index map[int64]int, idList string) error {
	if idList != "" {
		return s.attachSourcesOf(ctx, out, index, idList)
	}
	register := make(map[int64]domain.Source)
	rows, err := s.reader.QueryContext(ctx, `SELECT id, name, kind, url, note FROM sources`)
	if err != nil {
		return fmt.Errorf("export sources: %w", err)
	}
	for rows.Next() {
		var src domain.Source
		var kind string
		if err := rows.Scan(&src.ID, &src.Name, &kind, &src.URL, &src.Note); err != nil {
			rows.Close()
			return fmt.Errorf("export sources: %w", err)
		}
		src.Kind = domain.SourceKind(kind)
		register[src.ID] = src
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("export sources: %w", err)
	}
	rows, err = s.reader.QueryContext(ctx, `SELECT article_id, source_id FROM article_sources ORDER BY article_id, position`)
	if err != nil {
		return fmt.Errorf("export sources: %w", err)
	}
	for rows.Next() {
		var articleID, sourceID int64
		if err := rows.Scan(&articleID, &sourceID); err != nil {
			rows.Close()
			return fmt.Errorf("export sources: %w", err)
		}
		if i, ok := index[articleID]; ok {
			out[i].Sources = append(out[i].Sources, register[sourceID])
		}
	}
	return closeRows(rows)
}

// attachSourcesOf loads the sources of the articles in a JSON list of
// IDs in one query.
func (s *Store) attachSourcesOf(ctx context.Context, out []domain.Article, index map[int64]int, idList string) error {
	where, args := s.idFilter("x.article_id", idList)
	rows, err := s.reader.QueryContext(ctx, `SELECT x.article_id, s.id, s.name, s.kind, s.url, s.note
		FROM article_sources x JOIN sources s ON s.id = x.source_id`+where+` ORDER BY x.article_id, x.position`, args...)
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

// attachQuotes loads the quotes of the articles in out (of those in
// idList, when not empty) in one query.
func (s *Store) attachQuotes(ctx context.Context, out []domain.Article, index map[int64]int, idList string) error {
	where, args := s.idFilter("article_id", idList)
	rows, err := s.reader.QueryContext(ctx, `SELECT article_id, id, ref, text, speaker, role, context, source_name
		FROM quotes`+where+` ORDER BY article_id, position`, args...)
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
