package domain

import "time"

// CommentStatus is a reader comment's place in moderation.
type CommentStatus string

// Moderation statuses, as WordPress has them.
const (
	CommentPending  CommentStatus = "pending"
	CommentApproved CommentStatus = "approved"
	CommentSpam     CommentStatus = "spam"
	CommentTrash    CommentStatus = "trash"
)

// Valid reports whether s is a known status.
func (s CommentStatus) Valid() bool {
	switch s {
	case CommentPending, CommentApproved, CommentSpam, CommentTrash:
		return true
	}
	return false
}

// CommentType tells a reader's comment from a pingback or trackback.
type CommentType string

// Comment types.
const (
	TypeComment   CommentType = "comment"
	TypePingback  CommentType = "pingback"
	TypeTrackback CommentType = "trackback"
)

// Comment is a reader's comment. It is hostile input: Author, URL and Body
// are rendered only as text, and Email and ClientAddr never leave the store.
type Comment struct {
	ID          int64
	ArticleID   int64
	ArticleSlug string // filled when read from the store
	// ArticleHeadline is the article's headline, filled when read from
	// the store.
	ArticleHeadline string
	ParentID        int64 // 0 for a top-level comment
	Author          string
	Email           string
	URL             string
	Body            string
	Status          CommentStatus
	Reasons         []string // why it was held or marked spam, in plain words
	Type            CommentType
	SubmittedAt     time.Time
	ClientAddr      string
	UserAgent       string
	// ByEditor marks a reply written by an editor from the queue.
	ByEditor bool
	// Origin identifies an imported comment ("wxr:<post-guid>#<id>").
	Origin string
}

// Limits on comment fields.
const (
	MaxCommentBody   = 10_000
	MaxCommentAuthor = 245 // WordPress's limits
	MaxCommentEmail  = 100
	MaxCommentURL    = 200
)
