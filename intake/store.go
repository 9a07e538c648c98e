package intake

import (
	"context"
	"time"

	"newsroom/domain"
)

// Store is what the intake needs from the database; *storage.Store
// implements it.
type Store interface {
	// GetArticleBySlug returns the article, or an error wrapping
	// domain.ErrNotFound.
	GetArticleBySlug(ctx context.Context, slug string) (*domain.Article, error)
	// GetComment returns one comment, or an error wrapping
	// domain.ErrNotFound.
	GetComment(ctx context.Context, id int64) (*domain.Comment, error)
	// AddReaderComment stores a new comment and sets its ID, unless one
	// from the same address or email came within interval (an error
	// wrapping storage.ErrCommentTooSoon, as a *storage.CommentTooSoonError)
	// or the author sent the same text on the article before
	// (storage.ErrDuplicateComment). The database decides, so every
	// intake process on it keeps to the rules together.
	AddReaderComment(ctx context.Context, c *domain.Comment, interval time.Duration) error
	// AuthorHasApproved reports whether the author (name and email) has an
	// approved comment.
	AuthorHasApproved(ctx context.Context, author, email string) (bool, error)
	// Setting returns a stored setting, or def.
	Setting(ctx context.Context, key, def string) (string, error)
	// ModerationHistory calls fn for every comment an editor approved or
	// marked spam.
	ModerationHistory(ctx context.Context, fn func(body, url string, spam bool)) error
}
