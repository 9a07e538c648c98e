package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/mattn/go-sqlite3"

	"newsroom/domain"
	"newsroom/markup"
)

const articleColumns = `id, slug, headline, standfirst, byline, body, status, published_at, keywords,
	fc_checked, fc_by, fc_at, fc_digest, created_at, updated_at, version, coalesce(origin, ''), attribution, content_digest, section, kind,
	coalesce(lead_image, '')`

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanArticle reads the columns of articleColumns.
func scanArticle(r rowScanner) (*domain.Article, error) {
	var a domain.Article
	if err := scanArticleInto(r, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// scanArticleInto reads the columns of articleColumns into a.
func scanArticleInto(r rowScanner, a *domain.Article) error {
	var (
		status, keywords string
		kind             string
		published, fcAt  sql.NullInt64
		created, updated sql.NullInt64
		checked          bool
		attribution      string
	)
	err := r.Scan(&a.ID, &a.Slug, &a.Headline, &a.Standfirst, &a.Byline, &a.Body, &status, &published, &keywords,
		&checked, &a.FactCheck.By, &fcAt, &a.FactCheck.Digest, &created, &updated, &a.Version, &a.Origin, &attribution, &a.StoredDigest, &a.Section, &kind, &a.LeadImage)
	if err != nil {
		return err
	}
	a.Status = domain.Status(status)
	a.Kind = domain.WorkKind(kind)
	a.PublishedAt = fromMicros(published)
	a.FactCheck.Checked = checked
	a.FactCheck.At = fromMicros(fcAt)
	a.CreatedAt = fromMicros(created)
	a.UpdatedAt = fromMicros(updated)
	if err := scanKeywords(a, keywords); err != nil {
		return err
	}
	// Stored findings are a cache: unreadable ones are computed again.
	if attribution != "" && json.Unmarshal([]byte(attribution), &a.Attribution) != nil {
		a.Attribution = domain.StoredFindings{}
	}
	return nil
}

// scanKeywords reads the JSON keywords column into a.Keywords.
func scanKeywords(a *domain.Article, keywords string) error {
	if keywords == "[]" {
		a.Keywords = []string{}
		return nil
	}
	if err := json.Unmarshal([]byte(keywords), &a.Keywords); err != nil {
		return fmt.Errorf("article %q keywords: %w", a.Slug, err)
	}
	return nil
}

// GetArticle returns the article with its sources and quotes.
func (s *Store) GetArticle(ctx context.Context, id int64) (*domain.Article, error) {
	return s.getArticle(ctx, "id", id, fmt.Sprint(id))
}

// GetArticleBySlug returns the article with that slug.
func (s *Store) GetArticleBySlug(ctx context.Context, slug string) (*domain.Article, error) {
	return s.getArticle(ctx, "slug", slug, fmt.Sprintf("%q", slug))
}

// getArticle reads the article whose column (id or slug) holds key, with
// its sources and quotes, in one read transaction: all of it comes from
// the same snapshot, even while another connection saves the article.
func (s *Store) getArticle(ctx context.Context, column string, key any, label string) (*domain.Article, error) {
	var a *domain.Article
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE `+column+` = ?`, key))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %s: %w", label, domain.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("load article %s: %w", label, err)
		}
		if testHookBetweenArticleReads != nil {
			testHookBetweenArticleReads()
		}
		return s.loadChildren(ctx, tx, a)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// testHookBetweenArticleReads, when set by a test, runs after an
// article's row is read and before its sources and quotes are.
var testHookBetweenArticleReads func()

// inReadTx runs fn in one transaction on the read-only pool, so that its
// statements read one snapshot of the database (WAL keeps it while
// writers go on).
func (s *Store) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("begin read: %w", err)
	}
	defer tx.Rollback() // a read transaction has nothing to commit
	return fn(tx)
}

// queryer is what reads need: the reader pool or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// loadChildren fills a's sources, quotes and corrections log.
func (s *Store) loadChildren(ctx context.Context, q queryer, a *domain.Article) error {
	rows, err := q.QueryContext(ctx, `SELECT s.id, s.name, s.kind, s.url, s.note FROM article_sources x
		JOIN sources s ON s.id = x.source_id WHERE x.article_id = ? ORDER BY x.position`, a.ID)
	if err != nil {
		return fmt.Errorf("load sources of %q: %w", a.Slug, err)
	}
	a.Sources = nil
	for rows.Next() {
		var src domain.Source
		var kind string
		if err := rows.Scan(&src.ID, &src.Name, &kind, &src.URL, &src.Note); err != nil {
			rows.Close()
			return fmt.Errorf("load sources of %q: %w", a.Slug, err)
		}
		src.Kind = domain.SourceKind(kind)
		a.Sources = append(a.Sources, src)
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("load sources of %q: %w", a.Slug, err)
	}
	rows, err = q.QueryContext(ctx, `SELECT id, ref, text, speaker, role, context, source_name FROM quotes
		WHERE article_id = ? ORDER BY position`, a.ID)
	if err != nil {
		return fmt.Errorf("load quotes of %q: %w", a.Slug, err)
	}
	a.Quotes = nil
	for rows.Next() {
		var qt domain.Quote
		if err := rows.Scan(&qt.ID, &qt.Ref, &qt.Text, &qt.Speaker, &qt.Role, &qt.Context, &qt.Source); err != nil {
			rows.Close()
			return fmt.Errorf("load quotes of %q: %w", a.Slug, err)
		}
		a.Quotes = append(a.Quotes, qt)
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("load quotes of %q: %w", a.Slug, err)
	}
	if a.Corrections, err = queryCorrections(ctx, q, `WHERE article_id = ?`, a.ID); err != nil {
		return fmt.Errorf("load corrections of %q: %w", a.Slug, err)
	}
	return nil
}

// closeRows reports the iteration error of rows, then closes them.
func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// CreateArticle stores a new article and its first revision. It fills
// a.ID, a.Version, a.CreatedAt and a.UpdatedAt. An empty status means
// draft. A slug already taken gives ErrSlugTaken, an origin already
// imported ErrOriginTaken.
func (s *Store) CreateArticle(ctx context.Context, a *domain.Article, who string) error {
	if a.Status == "" {
		a.Status = domain.StatusDraft
	}
	if err := a.Validate(); err != nil {
		return fmt.Errorf("create article %q: %w", a.Slug, err)
	}
	d, err := derive(a)
	if err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.insertArticle(ctx, tx, a, who, d)
	})
}

// insertArticle is CreateArticle inside a transaction; d was derived from
// a before the transaction.
func (s *Store) insertArticle(ctx context.Context, tx *sql.Tx, a *domain.Article, who string, d derived) error {
	now := s.now()
	if a.CreatedAt.IsZero() {
		a.CreatedAt = now
	}
	a.UpdatedAt = now
	a.Version = 1
	if a.FactCheck.Checked && a.FactCheck.Digest == "" {
		a.FactCheck.Digest = domain.CoveredDigest(a)
	}
	a.Attribution = d.findings
	a.StoredDigest = domain.ContentDigest(a)
	if err := checkLeadImage(ctx, tx, a); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO articles (slug, headline, standfirst, byline, body, status, published_at,
		keywords, fc_checked, fc_by, fc_at, fc_digest, created_at, updated_at, version, origin, attribution, content_digest,
		section, kind, lead_image)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`,
		a.Slug, a.Headline, a.Standfirst, a.Byline, a.Body, string(a.Status), micros(a.PublishedAt),
		d.keywords, a.FactCheck.Checked, a.FactCheck.By, micros(a.FactCheck.At), a.FactCheck.Digest,
		micros(a.CreatedAt), micros(a.UpdatedAt), nullString(a.Origin), d.attribution, a.StoredDigest,
		a.Section, string(a.Kind), nullString(a.LeadImage))
	if err != nil {
		return articleWriteError(a, err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := writeChildren(ctx, tx, a); err != nil {
		return err
	}
	if err := indexArticle(ctx, tx, a, false); err != nil {
		return err
	}
	return s.addRevision(ctx, tx, a, who, "created", false)
}

// storedFindings runs the attribution check on a, keeps the result in
// a.Attribution and returns it as JSON for the attribution column, so an
// export reads the findings instead of checking every article again.
func storedFindings(a *domain.Article) (string, error) {
	a.Attribution = markup.ComputeFindings(a)
	data, err := json.Marshal(a.Attribution)
	if err != nil {
		return "", fmt.Errorf("store attribution findings of %q: %w", a.Slug, err)
	}
	return string(data), nil
}

// articleWriteError maps a unique-constraint failure to ErrSlugTaken or
// ErrOriginTaken, by the column SQLite names.
func articleWriteError(a *domain.Article, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
		switch {
		case strings.Contains(se.Error(), "articles.origin"):
			return fmt.Errorf("article %q from %q: %w", a.Slug, a.Origin, domain.ErrOriginTaken)
		case strings.Contains(se.Error(), "articles.slug"):
			return fmt.Errorf("article %q: %w", a.Slug, domain.ErrSlugTaken)
		}
	}
	return fmt.Errorf("write article %q: %w", a.Slug, err)
}

// nonNil returns an empty slice for nil, so JSON says [] not null.
func nonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

// nullString stores "" as NULL (for UNIQUE columns that allow many blanks).
func nullString(v string) sql.NullString {
	return sql.NullString{String: v, Valid: v != ""}
}

// writeChildren replaces the article's source links and quotes, upserting
// the shared sources by name.
func writeChildren(ctx context.Context, tx *sql.Tx, a *domain.Article) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM article_sources WHERE article_id = ?`, a.ID); err != nil {
		return fmt.Errorf("save sources of %q: %w", a.Slug, err)
	}
	for i := range a.Sources {
		src := &a.Sources[i]
		err := tx.QueryRowContext(ctx, `INSERT INTO sources (name, kind, url, note) VALUES (?, ?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, url = excluded.url, note = excluded.note
			RETURNING id`, strings.TrimSpace(src.Name), string(src.Kind), src.URL, src.Note).Scan(&src.ID)
		if err != nil {
			return fmt.Errorf("save source %q: %w", src.Name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_sources (article_id, source_id, position) VALUES (?, ?, ?)`,
			a.ID, src.ID, i); err != nil {
			return fmt.Errorf("link source %q: %w", src.Name, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM quotes WHERE article_id = ?`, a.ID); err != nil {
		return fmt.Errorf("save quotes of %q: %w", a.Slug, err)
	}
	for i := range a.Quotes {
		q := &a.Quotes[i]
		err := tx.QueryRowContext(ctx, `INSERT INTO quotes (article_id, position, ref, text, speaker, role, context, source_name)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.ID, i, q.Ref, q.Text, q.Speaker, q.Role, q.Context, q.Source).Scan(&q.ID)
		if err != nil {
			var se sqlite3.Error
			if errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintUnique {
				return fmt.Errorf("quote %q appears twice in %q: %w", q.Ref, a.Slug, domain.ErrInvalid)
			}
			return fmt.Errorf("save quote %q: %w", q.Ref, err)
		}
	}
	return nil
}

// indexArticle writes the article's full-text entry.
func indexArticle(ctx context.Context, tx *sql.Tx, a *domain.Article, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, a.ID); err != nil {
			return fmt.Errorf("index %q: %w", a.Slug, err)
		}
	}
	var quotes strings.Builder
	for _, q := range a.Quotes {
		fmt.Fprintf(&quotes, "%s %s %s %s %s\n", q.Text, q.Speaker, q.Role, q.Context, q.Source)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, headline, standfirst, body, quotes, byline) VALUES (?, ?, ?, ?, ?, ?)`,
		a.ID, a.Headline, a.Standfirst, a.Body, quotes.String(), a.Byline)
	if err != nil {
		return fmt.Errorf("index %q: %w", a.Slug, err)
	}
	return nil
}

// DeleteArticle removes an article with its quotes, revisions and comments.
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("delete article %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("delete article %d: %w", id, domain.ErrNotFound)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_fts WHERE rowid = ?`, id); err != nil {
			return fmt.Errorf("unindex article %d: %w", id, err)
		}
		return nil
	})
}
