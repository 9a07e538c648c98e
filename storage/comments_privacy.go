package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"newsroom/domain"
)

// AnonymousAuthor is the name an erased comment keeps.
const AnonymousAuthor = "Anonymous"

// CommentsByEmail returns every comment given with that email address
// (any case), oldest first, with everything stored about it: a reader's
// request for a copy of their data.
func (s *Store) CommentsByEmail(ctx context.Context, email string) ([]domain.Comment, error) {
	email = strings.TrimSpace(email)
	if email == "" {
		return nil, fmt.Errorf("comments by email: %w", domain.Invalidf("no email address given"))
	}
	if err := s.guard(ctx, s.reader, domain.ActSeeEmails); err != nil {
		return nil, err
	}
	return s.queryComments(ctx, `SELECT `+commentColumns+` FROM comments c JOIN articles a ON a.id = c.article_id
		WHERE c.email = ? COLLATE NOCASE ORDER BY c.submitted_at, c.id`, email)
}

// EraseCommentsByEmail answers a reader's request to erase their data:
// every comment given with that email address loses its name (it becomes
// AnonymousAuthor), email, website, address and browser string, keeping
// its text; with remove, the comments are deleted instead (replies to
// them stay, no longer replies). It returns how many comments it changed,
// all in one transaction.
func (s *Store) EraseCommentsByEmail(ctx context.Context, email string, remove bool) (int, error) {
	email = strings.TrimSpace(email)
	if email == "" {
		return 0, fmt.Errorf("erase comments: %w", domain.Invalidf("no email address given"))
	}
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guard(ctx, tx, domain.ActSeeEmails); err != nil {
			return err
		}
		query := `UPDATE comments SET author = ?, email = '', url = '', client_addr = '', user_agent = '' WHERE email = ? COLLATE NOCASE`
		args := []any{AnonymousAuthor, email}
		if remove {
			query, args = `DELETE FROM comments WHERE email = ? COLLATE NOCASE`, []any{email}
		}
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("erase comments of %s: %w", email, err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// ClearCommentTraces blanks the network address and browser string of
// every comment submitted before cutoff (the retention setting), in one
// transaction, and returns how many comments it cleared.
func (s *Store) ClearCommentTraces(ctx context.Context, cutoff time.Time) (int, error) {
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE comments SET client_addr = '', user_agent = ''
			WHERE submitted_at < ? AND (client_addr != '' OR user_agent != '')`, cutoff.UnixMicro())
		if err != nil {
			return fmt.Errorf("clear comment addresses: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// ApplyCommentRetention clears the addresses and browser strings of
// comments older than the retention setting's number of days (no
// setting, or 0, keeps them). It returns how many comments it cleared.
func (s *Store) ApplyCommentRetention(ctx context.Context) (int, error) {
	days, err := s.CommentRetentionDays(ctx)
	if err != nil || days == 0 {
		return 0, err
	}
	return s.ClearCommentTraces(ctx, s.now().AddDate(0, 0, -days))
}

// CommentRetentionDays reads the retention setting: 0 when not set.
func (s *Store) CommentRetentionDays(ctx context.Context) (int, error) {
	v, err := s.Setting(ctx, SettingCommentRetentionDays, "")
	if err != nil || strings.TrimSpace(v) == "" {
		return 0, err
	}
	var days int
	if _, err := fmt.Sscanf(strings.TrimSpace(v), "%d", &days); err != nil || days < 0 {
		return 0, fmt.Errorf("setting %s: %q is not a number of days: %w", SettingCommentRetentionDays, v, domain.ErrInvalid)
	}
	return days, nil
}
