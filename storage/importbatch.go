package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"newsroom/domain"
)

// ImportBatch is one all-or-nothing import: every upsert runs in a single
// write transaction that Commit makes durable and Rollback discards. The
// transaction begins with the first write, after that article's derived
// work (the attribution check) is done, so reading and checking the first
// article never holds the write lock.
type ImportBatch struct {
	s   *Store
	tx  *sql.Tx // nil until the first write
	who string
	// style is the house style the articles are checked against, read
	// once for the batch.
	style domain.StyleSettings
	// nextSuffix remembers, per wanted slug, the number freeSlug tries
	// next, so many posts wanting one slug cost one query each, not one
	// per taken number.
	nextSuffix map[string]int
}

// ImportOutcome says what an import upsert did to the store.
type ImportOutcome int

// What an upsert did.
const (
	ImportCreated   ImportOutcome = iota + 1 // a new article or comment
	ImportUpdated                            // an existing one changed (one revision added)
	ImportUnchanged                          // nothing written
)

// String is the outcome in one word: created, updated or unchanged.
func (o ImportOutcome) String() string {
	switch o {
	case ImportCreated:
		return "created"
	case ImportUpdated:
		return "updated"
	case ImportUnchanged:
		return "unchanged"
	}
	return "unknown"
}

// ImportOptions changes how UpsertArticle treats an article it did not
// create.
type ImportOptions struct {
	// Replace lets the import take over the article that holds the slug it
	// wants when no article of the same origin exists: that article's text
	// is replaced (one revision, so the old text stays in its history).
	// Without it the newcomer gets a free slug.
	Replace bool
	// FormerOrigins are other identities the same source had (a WordPress
	// post whose password was added or removed): an article of one of
	// them is updated and takes the new origin.
	FormerOrigins []string
}

// ProtectedOriginSuffix ends the origin of an article imported from a
// password-protected WordPress post: such drafts are left out of an
// export with drafts unless asked for (see ProtectedDraftIDs).
const ProtectedOriginSuffix = " (password-protected)"

// ProtectedDraftIDs returns the ids of unpublished articles imported from
// password-protected posts.
func (s *Store) ProtectedDraftIDs(ctx context.Context) (map[int64]bool, error) {
	rows, err := s.reader.QueryContext(ctx, `SELECT id FROM articles WHERE status != 'published' AND origin LIKE ?`,
		"%"+ProtectedOriginSuffix)
	if err != nil {
		return nil, fmt.Errorf("find password-protected drafts: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("find password-protected drafts: %w", err)
		}
		out[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find password-protected drafts: %w", err)
	}
	return out, nil
}

// BeginImport starts an import. who is recorded on revisions.
func (s *Store) BeginImport(ctx context.Context, who string) (*ImportBatch, error) {
	if err := s.Damaged(); err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	if err := s.guard(ctx, s.reader, domain.ActImport); err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	return &ImportBatch{s: s, who: s.who(who), nextSuffix: map[string]int{}, style: s.houseStyle(ctx)}, nil
}

// begin starts the write transaction at the first write.
func (b *ImportBatch) begin(ctx context.Context) error {
	if b.tx != nil {
		return nil
	}
	tx, err := b.s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("begin import: %w", err)
	}
	b.tx = tx
	return nil
}

// UpsertArticle stores a, which must carry its Origin (the identity of
// the file or post it came from). An article of that origin is updated;
// otherwise a new article is created, and when a.Slug is taken by another
// article the newcomer gets a free slug (a.Slug is changed: callers
// compare it with what they asked for) unless opt.Replace asks to take the
// slug's article over. Re-importing what an article already holds, or what
// the last import of it held when it has been edited here since, writes
// nothing and returns ImportUnchanged. It sets a.ID.
func (b *ImportBatch) UpsertArticle(ctx context.Context, a *domain.Article, opt ImportOptions) (ImportOutcome, error) {
	if a.Status == "" {
		a.Status = domain.StatusDraft
	}
	if a.Origin == "" {
		return 0, fmt.Errorf("import article %q: an imported article needs its origin", a.Slug)
	}
	if err := a.Validate(); err != nil {
		return 0, fmt.Errorf("import article %q: %w", a.Slug, err)
	}
	d, err := derive(a, b.style) // before the write lock
	if err != nil {
		return 0, err
	}
	if err := b.begin(ctx); err != nil {
		return 0, err
	}
	id, err := b.articleID(ctx, `origin`, a.Origin)
	if err != nil {
		return 0, err
	}
	for _, former := range opt.FormerOrigins {
		if id != 0 {
			break
		}
		if id, err = b.articleID(ctx, `origin`, former); err != nil {
			return 0, err
		}
	}
	if id == 0 {
		holder, err := b.articleID(ctx, `slug`, a.Slug)
		if err != nil {
			return 0, err
		}
		if holder == 0 || !opt.Replace {
			// Never take over an article the import did not create.
			if holder != 0 {
				if a.Slug, err = b.freeSlug(ctx, a.Slug); err != nil {
					return 0, err
				}
			}
			if err := b.s.insertArticle(ctx, b.tx, a, b.who, d); err != nil {
				return 0, err
			}
			return ImportCreated, nil
		}
		id = holder
	}
	old, err := scanArticle(b.tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ? AND trashed_at IS NULL`, id))
	if errors.Is(err, sql.ErrNoRows) {
		// Never write into the trash: restore it (articles untrash) or
		// empty the trash first.
		return 0, fmt.Errorf("import article %q: the article it updates is %w", a.Slug, ErrInTrash)
	}
	if err != nil {
		return 0, fmt.Errorf("import article %q: %w", a.Slug, err)
	}
	if err := b.s.loadChildren(ctx, b.tx, old); err != nil {
		return 0, err
	}
	if a.Slug != old.Slug {
		// The slug the file asks for is held by another article (the
		// free slug given at the first import): keep the one it has.
		holder, err := b.articleID(ctx, `slug`, a.Slug)
		if err != nil {
			return 0, err
		}
		if holder != 0 && holder != old.ID {
			a.Slug = old.Slug
		}
	}
	a.ID, a.Version, a.CreatedAt = old.ID, old.Version, old.CreatedAt
	if !a.FactCheck.Checked {
		a.FactCheck = old.FactCheck
	}
	// Quotes and sources are written here, never by an import.
	adopted := false
	if len(a.Quotes) == 0 && len(old.Quotes) > 0 {
		a.Quotes, adopted = old.Quotes, true
	}
	if len(a.Sources) == 0 && len(old.Sources) > 0 {
		a.Sources, adopted = old.Sources, true
	}
	if sameArticle(old, a) {
		a.UpdatedAt = old.UpdatedAt
		return ImportUnchanged, nil
	}
	if old.Origin == a.Origin || slices.Contains(opt.FormerOrigins, old.Origin) {
		same, err := b.sameAsLastImport(ctx, old.ID, a)
		if err != nil {
			return 0, err
		}
		if same {
			// The file has not changed since it was last imported; the
			// article was edited here since, and those edits stay.
			*a = *old
			return ImportUnchanged, nil
		}
	}
	domain.ReconcileFactCheck(a)
	if adopted {
		// The records kept from the stored article change what the check
		// reads; rare (records edited here), so checked again in the lock.
		if d, err = derive(a, b.style); err != nil {
			return 0, err
		}
	}
	if err := b.s.updateArticle(ctx, b.tx, a, d); err != nil {
		return 0, err
	}
	if err := b.s.addRevision(ctx, b.tx, a, b.who, "imported", false); err != nil {
		return 0, err
	}
	return ImportUpdated, nil
}

// articleID returns the id of the article whose column (origin or slug)
// is value, or 0.
func (b *ImportBatch) articleID(ctx context.Context, column, value string) (int64, error) {
	var id int64
	err := b.tx.QueryRowContext(ctx, `SELECT id FROM articles WHERE `+column+` = ?`, value).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("import: find the article with %s %q: %w", column, value, err)
	}
	return id, nil
}

// sameAsLastImport reports whether a's text and status are what the last
// revision this importer wrote for article id held.
func (b *ImportBatch) sameAsLastImport(ctx context.Context, id int64, a *domain.Article) (bool, error) {
	var status, headline, standfirst, body string
	err := b.tx.QueryRowContext(ctx, `SELECT status, headline, standfirst, body FROM revisions
		WHERE article_id = ? AND author = ? ORDER BY id DESC LIMIT 1`, id, b.who).Scan(&status, &headline, &standfirst, &body)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("import article %q: read its last imported revision: %w", a.Slug, err)
	}
	return status == string(a.Status) && headline == a.Headline && standfirst == a.Standfirst && body == a.Body, nil
}

// freeSlug returns slug-2, slug-3… (cut so it stays within the slug
// limit), the first one no article has.
func (b *ImportBatch) freeSlug(ctx context.Context, slug string) (string, error) {
	n := b.nextSuffix[slug]
	if n < 2 {
		n = 2
	}
	for ; ; n++ {
		candidate := domain.SlugWithSuffix(slug, fmt.Sprintf("-%d", n))
		id, err := b.articleID(ctx, `slug`, candidate)
		if err != nil {
			return "", err
		}
		if id == 0 {
			b.nextSuffix[slug] = n + 1
			return candidate, nil
		}
	}
}

// UpsertComment stores c, matched by c.Origin when set. c.ArticleID and
// c.ParentID must be stored ids. It sets c.ID. A comment whose stored
// copy is the same is left alone (ImportUnchanged); a stored comment keeps
// its moderation status.
func (b *ImportBatch) UpsertComment(ctx context.Context, c *domain.Comment) (ImportOutcome, error) {
	if err := b.begin(ctx); err != nil {
		return 0, err
	}
	if c.Origin != "" {
		var (
			id                                           int64
			articleID                                    int64
			parent                                       sql.NullInt64
			author, email, url, body, status, kind, addr string
			submitted                                    int64
		)
		err := b.tx.QueryRowContext(ctx, `SELECT id, article_id, parent_id, author, email, url, body, status, type,
			submitted_at, client_addr FROM comments WHERE origin = ?`, c.Origin).Scan(&id, &articleID, &parent, &author,
			&email, &url, &body, &status, &kind, &submitted, &addr)
		if err == nil {
			c.ID = id
			// Moderation is done here after an import: the stored status
			// stays. A comment without a date keeps its stored one.
			c.Status = domain.CommentStatus(status)
			if c.SubmittedAt.IsZero() {
				c.SubmittedAt = time.UnixMicro(submitted).UTC()
			}
			if c.Type == "" {
				c.Type = domain.CommentType(kind)
			}
			if articleID == c.ArticleID && parent.Int64 == c.ParentID && author == c.Author && email == c.Email &&
				url == c.URL && body == c.Body && status == string(c.Status) && kind == string(c.Type) &&
				submitted == c.SubmittedAt.UnixMicro() && addr == c.ClientAddr {
				return ImportUnchanged, nil
			}
			var newParent sql.NullInt64
			if c.ParentID != 0 {
				newParent = sql.NullInt64{Int64: c.ParentID, Valid: true}
			}
			_, err := b.tx.ExecContext(ctx, `UPDATE comments SET article_id = ?, parent_id = ?, author = ?, email = ?, url = ?,
				body = ?, status = ?, type = ?, submitted_at = ?, client_addr = ? WHERE id = ?`,
				c.ArticleID, newParent, c.Author, c.Email, c.URL, c.Body, string(c.Status), string(c.Type),
				c.SubmittedAt.UnixMicro(), c.ClientAddr, id)
			if err != nil {
				return 0, fmt.Errorf("import comment %s: %w", c.Origin, err)
			}
			return ImportUpdated, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, fmt.Errorf("import comment %s: %w", c.Origin, err)
		}
	}
	if err := insertComment(ctx, b.tx, c, b.s.now()); err != nil {
		return 0, fmt.Errorf("import comment %s: %w", c.Origin, err)
	}
	return ImportCreated, nil
}

// SetCommentParent links an imported comment to its parent, for parents
// that came after their replies in the file.
func (b *ImportBatch) SetCommentParent(ctx context.Context, id, parentID int64) error {
	if err := b.begin(ctx); err != nil {
		return err
	}
	_, err := b.tx.ExecContext(ctx, `UPDATE comments SET parent_id = ? WHERE id = ?`, parentID, id)
	if err != nil {
		return fmt.Errorf("link comment %d to parent %d: %w", id, parentID, err)
	}
	return nil
}

// Commit makes the import durable.
func (b *ImportBatch) Commit() error {
	if b.tx == nil {
		return b.s.Damaged()
	}
	if err := b.tx.Commit(); err != nil {
		return b.s.damaged(fmt.Errorf("commit import: %w", err))
	}
	if b.s.watcher != nil {
		b.s.watcher.stale.Store(true)
	}
	b.s.analyze(context.Background())
	return b.s.Damaged()
}

// Rollback discards the import.
func (b *ImportBatch) Rollback() error {
	if b.tx == nil {
		return nil
	}
	err := b.tx.Rollback()
	if err != nil && !errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("roll back import: %w", err)
	}
	return nil
}
