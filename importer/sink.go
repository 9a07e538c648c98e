package importer

import (
	"context"

	"newsroom/domain"
)

// Outcome says what storing one article or comment did.
type Outcome int

// What an upsert did.
const (
	Created   Outcome = iota + 1 // new
	Updated                      // changed (one revision added)
	Unchanged                    // nothing written
)

// String is the outcome in one word.
func (o Outcome) String() string {
	switch o {
	case Created:
		return "created"
	case Updated:
		return "updated"
	case Unchanged:
		return "unchanged"
	}
	return "unknown"
}

// Upsert changes how UpsertArticle matches.
type Upsert struct {
	// Replace takes over the article holding the slug when none has the
	// origin.
	Replace bool
	// FormerOrigins are other identities of the same source.
	FormerOrigins []string
}

// Batch is one all-or-nothing import transaction.
type Batch interface {
	// UpsertArticle stores a, matched by a.Origin (required), else by
	// one of opt.FormerOrigins. When no article matches and a.Slug is
	// taken, a new article is made with a free slug (a.Slug is changed),
	// unless opt.Replace asks to take the slug's article over. It sets
	// a.ID.
	UpsertArticle(ctx context.Context, a *domain.Article, opt Upsert) (Outcome, error)
	// UpsertComment stores c (c.ArticleID and c.ParentID already set to stored ids), matched by c.Origin; sets c.ID.
	UpsertComment(ctx context.Context, c *domain.Comment) (Outcome, error)
	// AddMedia stores an image (data, described by package photo) once
	// by content in the same transaction; existed says the same bytes
	// were already in the library, whose record is returned.
	AddMedia(ctx context.Context, data []byte, m domain.Media) (stored domain.Media, existed bool, err error)
	Commit() error
	Rollback() error
}

// Store opens import transactions; the storage package implements it.
type Store interface {
	BeginImport(ctx context.Context) (Batch, error)
}
