package importer

import (
	"context"

	"newsroom/domain"
)

// Batch is one all-or-nothing import transaction.
type Batch interface {
	// UpsertArticle stores a, matched first by a.Origin (when not empty), else by a.Slug; it sets a.ID. created is false when an existing article was updated.
	UpsertArticle(ctx context.Context, a *domain.Article) (created bool, err error)
	// UpsertComment stores c (c.ArticleID and c.ParentID already set to stored ids), matched by c.Origin; sets c.ID.
	UpsertComment(ctx context.Context, c *domain.Comment) (created bool, err error)
	Commit() error
	Rollback() error
}

// Store opens import transactions; the storage package implements it.
type Store interface {
	BeginImport(ctx context.Context) (Batch, error)
}
