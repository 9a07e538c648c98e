package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"newsroom/domain"
)

// ErrCommentTooSoon wraps the refusal of a comment sent too soon after the
// last one from the same client address or email; errors.As finds the
// *CommentTooSoonError that says how long to wait.
var ErrCommentTooSoon = errors.New("comment sent too soon after the last one")

// ErrDuplicateComment is the refusal of a comment whose author already
// sent the same text on the same article.
var ErrDuplicateComment = errors.New("the same comment was already sent")

// CommentTooSoonError is the refusal of a comment sent within the interval
// of the last one from its address or email.
type CommentTooSoonError struct {
	// Wait is how long after now the next comment is accepted.
	Wait time.Duration
}

func (e *CommentTooSoonError) Error() string {
	return fmt.Sprintf("%v (wait %v)", ErrCommentTooSoon, e.Wait.Round(time.Second))
}

func (e *CommentTooSoonError) Unwrap() error { return ErrCommentTooSoon }

// AddReaderComment stores a comment a reader sent, unless the database
// refuses it: a comment from the same client address or email (any case)
// within interval of the last one (a *CommentTooSoonError), or the same
// text the same author already sent on the article (ErrDuplicateComment).
// The checks and the insert run in one write transaction, so every intake
// process on the database (on several machines, on PostgreSQL) is held to
// the rules together: of simultaneous posts exactly one passes.
// c.SubmittedAt is the time the interval is measured from (now when zero).
func (s *Store) AddReaderComment(ctx context.Context, c *domain.Comment, interval time.Duration) error {
	if c.SubmittedAt.IsZero() {
		c.SubmittedAt = s.now()
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		last, err := lastCommentFrom(ctx, tx, c.ClientAddr, c.Email)
		if err != nil {
			return err
		}
		if wait := interval - c.SubmittedAt.Sub(last); !last.IsZero() && wait > 0 {
			return &CommentTooSoonError{Wait: min(wait, interval)}
		}
		dup, err := isDuplicateComment(ctx, tx, c.ArticleID, c.Author, c.Email, c.Body)
		if err != nil {
			return err
		}
		if dup {
			return ErrDuplicateComment
		}
		return insertComment(ctx, tx, c, c.SubmittedAt)
	})
}

// lastCommentFrom returns when the client address or email last
// commented (zero when never).
func lastCommentFrom(ctx context.Context, tx *sql.Tx, addr, email string) (time.Time, error) {
	var at sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT max(t) FROM (
		SELECT max(submitted_at) AS t FROM comments WHERE client_addr = ? AND client_addr != ''
		UNION ALL SELECT max(submitted_at) FROM comments WHERE email = ? COLLATE NOCASE AND email != '') AS latest`, addr, email).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("look up last comment: %w", err)
	}
	return fromMicros(at), nil
}

// isDuplicateComment reports whether the same author already sent the
// same text on the same article.
func isDuplicateComment(ctx context.Context, tx *sql.Tx, articleID int64, author, email, body string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM comments WHERE article_id = ? AND body = ?
		AND author = ? COLLATE NOCASE AND email = ? COLLATE NOCASE`, articleID, body, author, email).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up duplicate comment: %w", err)
	}
	return n > 0, nil
}
