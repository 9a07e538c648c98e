package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"newsroom/domain"
)

const commentColumns = `c.id, c.article_id, a.slug, a.headline, coalesce(c.parent_id, 0), c.author, c.email, c.url, c.body, c.status,
	c.reasons, c.type, c.submitted_at, c.client_addr, c.user_agent, c.by_editor, coalesce(c.origin, '')`

// commentColumnsBlind is commentColumns without what identifies
// commenters (for a PostgreSQL role that may not read it).
const commentColumnsBlind = `c.id, c.article_id, a.slug, a.headline, coalesce(c.parent_id, 0), c.author, '', c.url, c.body, c.status,
	c.reasons, c.type, c.submitted_at, '', '', c.by_editor, coalesce(c.origin, '')`

// scanComment reads the columns of commentColumns.
func scanComment(r rowScanner) (*domain.Comment, error) {
	var (
		c                     domain.Comment
		status, reasons, kind string
		at                    int64
	)
	err := r.Scan(&c.ID, &c.ArticleID, &c.ArticleSlug, &c.ArticleHeadline, &c.ParentID, &c.Author, &c.Email, &c.URL, &c.Body, &status,
		&reasons, &kind, &at, &c.ClientAddr, &c.UserAgent, &c.ByEditor, &c.Origin)
	if err != nil {
		return nil, err
	}
	c.Status = domain.CommentStatus(status)
	c.Type = domain.CommentType(kind)
	c.SubmittedAt = time.UnixMicro(at).UTC()
	if err := json.Unmarshal([]byte(reasons), &c.Reasons); err != nil {
		return nil, fmt.Errorf("comment %d reasons: %w", c.ID, err)
	}
	return &c, nil
}

// AddComment stores a new comment and sets c.ID. A zero SubmittedAt is
// now; an empty Type is comment.
func (s *Store) AddComment(ctx context.Context, c *domain.Comment) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if c.ByEditor {
			if err := s.guard(ctx, tx, domain.ActModerate); err != nil {
				return err
			}
		}
		return insertComment(ctx, tx, c, s.now())
	})
}

// insertComment is AddComment inside a transaction.
func insertComment(ctx context.Context, tx *sql.Tx, c *domain.Comment, now time.Time) error {
	if c.SubmittedAt.IsZero() {
		c.SubmittedAt = now
	}
	if c.Type == "" {
		c.Type = domain.TypeComment
	}
	if !c.Status.Valid() {
		return fmt.Errorf("add comment: status %q: %w", c.Status, domain.ErrInvalid)
	}
	reasons, err := json.Marshal(nonNil(c.Reasons))
	if err != nil {
		return err
	}
	var parent sql.NullInt64
	if c.ParentID != 0 {
		parent = sql.NullInt64{Int64: c.ParentID, Valid: true}
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO comments (article_id, parent_id, author, email, url, body, status, prev_status,
		reasons, type, submitted_at, client_addr, user_agent, by_editor, origin)
		VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		c.ArticleID, parent, c.Author, c.Email, c.URL, c.Body, string(c.Status), string(reasons), string(c.Type),
		c.SubmittedAt.UnixMicro(), c.ClientAddr, c.UserAgent, c.ByEditor, nullString(c.Origin)).Scan(&c.ID)
	if err != nil {
		if isForeignKeyError(err) {
			return fmt.Errorf("add comment: its article or parent does not exist: %w", domain.ErrNotFound)
		}
		return fmt.Errorf("add comment: %w", err)
	}
	return nil
}

// GetComment returns one comment.
func (s *Store) GetComment(ctx context.Context, id int64) (*domain.Comment, error) {
	c, err := scanComment(s.reader.QueryRowContext(ctx, `SELECT `+s.commentColumnsFor(ctx)+` FROM comments c
		JOIN articles a ON a.id = c.article_id WHERE c.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("comment %d: %w", id, domain.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("load comment %d: %w", id, err)
	}
	if ok, err := s.mayReadEmails(ctx); err != nil || !ok {
		c.Email, c.ClientAddr, c.UserAgent = "", "", ""
		return c, err
	}
	return c, nil
}

// CommentQuery filters the comment list. Zero values mean no filter.
type CommentQuery struct {
	Status      domain.CommentStatus
	ArticleSlug string
	Text        string // in author, email, URL or body
	Limit       int
	Offset      int
	OldestFirst bool
}

// ListComments returns matching comments, newest first unless OldestFirst.
func (s *Store) ListComments(ctx context.Context, q CommentQuery) ([]domain.Comment, error) {
	var (
		where = []string{"a.trashed_at IS NULL"} // a trashed article's comments wait with it
		args  []any
	)
	if q.Status != "" {
		where = append(where, "c.status = ?")
		args = append(args, string(q.Status))
	}
	if q.ArticleSlug != "" {
		where = append(where, "a.slug = ?")
		args = append(args, q.ArticleSlug)
	}
	if t := strings.TrimSpace(q.Text); t != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(t) + "%"
		op := s.backend.likeNoCase()
		email := `c.email ` + op + ` ? ESCAPE '\'`
		if ok, err := s.mayReadEmails(ctx); err != nil || !ok || !s.seesCommenters(ctx) {
			email = `? = ''` // no finding commenters by an address one may not see
		}
		where = append(where, `(c.author `+op+` ? ESCAPE '\' OR `+email+` OR c.url `+op+` ? ESCAPE '\' OR c.body `+op+` ? ESCAPE '\')`)
		args = append(args, like, like, like, like)
	}
	query := `SELECT ` + s.commentColumnsFor(ctx) + ` FROM comments c JOIN articles a ON a.id = c.article_id`
	query += " WHERE " + strings.Join(where, " AND ")
	if q.OldestFirst {
		query += " ORDER BY c.submitted_at, c.id"
	} else {
		query += " ORDER BY c.submitted_at DESC, c.id DESC"
	}
	if q.Limit > 0 {
		query += fmt.Sprintf(" LIMIT %d OFFSET %d", q.Limit, q.Offset)
	}
	return s.queryComments(ctx, query, args...)
}

// queryComments runs a query selecting commentColumns.
func (s *Store) queryComments(ctx context.Context, query string, args ...any) ([]domain.Comment, error) {
	rows, err := s.reader.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	var out []domain.Comment
	for rows.Next() {
		c, err := scanComment(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("list comments: %w", err)
		}
		out = append(out, *c)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	if ok, err := s.mayReadEmails(ctx); err != nil || !ok {
		redactComments(out)
		return out, err
	}
	return out, nil
}

// CommentCounts counts comments per status, for one article (articleID >
// 0) or all. Every status is present in the map.
func (s *Store) CommentCounts(ctx context.Context, articleID int64) (map[domain.CommentStatus]int, error) {
	out := map[domain.CommentStatus]int{domain.CommentPending: 0, domain.CommentApproved: 0, domain.CommentSpam: 0, domain.CommentTrash: 0}
	query, args := `SELECT status, count(*) FROM comments
		WHERE article_id IN (SELECT id FROM articles WHERE trashed_at IS NULL) GROUP BY status`, []any{}
	if articleID > 0 {
		query, args = `SELECT status, count(*) FROM comments WHERE article_id = ? GROUP BY status`, []any{articleID}
	}
	rows, err := s.reader.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("count comments: %w", err)
	}
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("count comments: %w", err)
		}
		out[domain.CommentStatus(status)] = n
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("count comments: %w", err)
	}
	return out, nil
}

// Moderation actions on comments.
const (
	ActionApprove   = "approve"
	ActionUnapprove = "unapprove"
	ActionSpam      = "spam"
	ActionNotSpam   = "not-spam"
	ActionTrash     = "trash"
	ActionRestore   = "restore"
)

// ModerateComments applies one action to every id, in one transaction:
// approve, unapprove (→ pending), spam, not-spam and restore (→ the status
// before spam or trash), trash. An unknown id fails the whole call.
func (s *Store) ModerateComments(ctx context.Context, action string, ids []int64) error {
	var set string
	switch action {
	case ActionApprove:
		set = `prev_status = status, status = 'approved'`
	case ActionUnapprove:
		set = `prev_status = status, status = 'pending'`
	case ActionSpam:
		set = `prev_status = CASE WHEN status = 'spam' THEN prev_status ELSE status END, status = 'spam'`
	case ActionTrash:
		set = `prev_status = CASE WHEN status = 'trash' THEN prev_status ELSE status END, status = 'trash'`
	case ActionNotSpam, ActionRestore:
		from := "spam"
		if action == ActionRestore {
			from = "trash"
		}
		set = `status = CASE WHEN status = '` + from + `' THEN (CASE WHEN prev_status IN ('spam','trash') THEN 'pending' ELSE prev_status END) ELSE status END`
	default:
		return fmt.Errorf("moderate comments: action %q is not approve, unapprove, spam, not-spam, trash or restore: %w", action, domain.ErrInvalid)
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guard(ctx, tx, domain.ActModerate); err != nil {
			return err
		}
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE comments SET `+set+` WHERE id = ?`, id)
			if err != nil {
				return fmt.Errorf("%s comment %d: %w", action, id, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return fmt.Errorf("%s comment %d: %w", action, id, domain.ErrNotFound)
			}
		}
		return nil
	})
}

// DeleteComments removes comments for good. Only spam and trash may be
// deleted; any other status fails the whole call with ErrInvalid.
func (s *Store) DeleteComments(ctx context.Context, ids []int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.guard(ctx, tx, domain.ActModerate); err != nil {
			return err
		}
		for _, id := range ids {
			var status string
			err := tx.QueryRowContext(ctx, `SELECT status FROM comments WHERE id = ?`, id).Scan(&status)
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("delete comment %d: %w", id, domain.ErrNotFound)
			}
			if err != nil {
				return fmt.Errorf("delete comment %d: %w", id, err)
			}
			if status != string(domain.CommentSpam) && status != string(domain.CommentTrash) {
				return fmt.Errorf("delete comment %d: only spam or trash can be deleted permanently (it is %s): %w", id, status, domain.ErrInvalid)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM comments WHERE id = ?`, id); err != nil {
				return fmt.Errorf("delete comment %d: %w", id, err)
			}
		}
		return nil
	})
}

// AuthorHasApproved reports whether the author (name and email, ignoring
// case) has an approved comment.
func (s *Store) AuthorHasApproved(ctx context.Context, author, email string) (bool, error) {
	var n int
	err := s.reader.QueryRowContext(ctx, `SELECT count(*) FROM comments WHERE status = 'approved'
		AND email = ? COLLATE NOCASE AND author = ? COLLATE NOCASE LIMIT 1`, email, author).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up approved comments of %q: %w", author, err)
	}
	return n > 0, nil
}

// ApprovedCommentsByArticle returns every approved comment, oldest first,
// grouped by article id.
func (s *Store) ApprovedCommentsByArticle(ctx context.Context) (map[int64][]domain.Comment, error) {
	cs, err := s.queryComments(ctx, `SELECT `+s.commentColumnsFor(ctx)+` FROM comments c JOIN articles a ON a.id = c.article_id
		WHERE c.status = 'approved' AND a.trashed_at IS NULL ORDER BY c.submitted_at, c.id`)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]domain.Comment)
	for _, c := range cs {
		out[c.ArticleID] = append(out[c.ArticleID], c)
	}
	return out, nil
}

// ModerationHistory calls fn with the body and URL of every comment an
// editor approved or marked spam, to train a spam classifier.
func (s *Store) ModerationHistory(ctx context.Context, fn func(body, url string, spam bool)) error {
	rows, err := s.reader.QueryContext(ctx, `SELECT body, url, status = 'spam' FROM comments
		WHERE status IN ('approved', 'spam') AND by_editor = 0`)
	if err != nil {
		return fmt.Errorf("read moderation history: %w", err)
	}
	for rows.Next() {
		var body, url string
		var spam bool
		if err := rows.Scan(&body, &url, &spam); err != nil {
			rows.Close()
			return fmt.Errorf("read moderation history: %w", err)
		}
		fn(body, url, spam)
	}
	return closeRows(rows)
}
