package importer

import (
	"fmt"
	"strings"

	"newsroom/domain"
)

// commentStatus maps wp:comment_approved to a moderation status.
func commentStatus(approved string) domain.CommentStatus {
	switch strings.ToLower(strings.TrimSpace(approved)) {
	case "1", "approve", "approved":
		return domain.CommentApproved
	case "spam":
		return domain.CommentSpam
	case "trash", "post-trashed":
		return domain.CommentTrash
	}
	return domain.CommentPending // "0", "" and anything unknown: held
}

// importedReasons says why an imported comment is held or in spam: the
// queue shows every held comment with its reason, and these were judged
// on the old site, not by our rules.
func importedReasons(status domain.CommentStatus) []string {
	switch status {
	case domain.CommentPending:
		return []string{"awaiting moderation on the WordPress site it was imported from"}
	case domain.CommentSpam:
		return []string{"marked spam on the WordPress site it was imported from"}
	}
	return nil
}

// commentType maps wp:comment_type; WordPress's other types (notes,
// reviews) are read as comments.
func commentType(t string) domain.CommentType {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "pingback":
		return domain.TypePingback
	case "trackback":
		return domain.TypeTrackback
	}
	return domain.TypeComment
}

// comment stores one comment of article a. A reply whose parent has not
// been read yet is held until the file ends (see resolveDeferred).
func (w *wxrImport) comment(a *domain.Article, wc *wxrComment, line int) error {
	id := strings.TrimSpace(wc.ID)
	submitted, err := wpTime(wc.DateGMT, wc.Date)
	if err != nil {
		return err
	}
	c := domain.Comment{
		ArticleID:   a.ID,
		ArticleSlug: a.Slug,
		Author:      truncate(plainText(wc.Author, false), domain.MaxCommentAuthor),
		Email:       truncate(strings.TrimSpace(wc.AuthorEmail), domain.MaxCommentEmail),
		URL:         truncate(strings.TrimSpace(wc.AuthorURL), domain.MaxCommentURL),
		Body:        truncate(plainText(wc.Content, true), domain.MaxCommentBody),
		Status:      commentStatus(wc.Approved),
		Type:        commentType(wc.Type),
		SubmittedAt: submitted,
		ClientAddr:  strings.TrimSpace(wc.AuthorIP),
		Origin:      a.Origin + "#" + id,
	}
	c.Reasons = importedReasons(c.Status)
	parent := strings.TrimSpace(wc.Parent)
	if parent == "0" {
		parent = ""
	}
	if parent != "" {
		pid, ok := w.comments[parent]
		if !ok {
			w.deferred = append(w.deferred, deferredReply{comment: c, wpID: id, parentWP: parent, line: line})
			return nil
		}
		c.ParentID = pid
	}
	return w.storeComment(&c, id)
}

// storeComment stores c and remembers its stored id under WordPress's.
func (w *wxrImport) storeComment(c *domain.Comment, wpID string) error {
	outcome, err := w.b.UpsertComment(w.ctx, c)
	if err != nil {
		return fmt.Errorf("store comment: %w", err)
	}
	switch outcome {
	case Created:
		w.sum.CommentsCreated++
	case Updated:
		w.sum.CommentsUpdated++
	default:
		w.sum.CommentsUnchanged++
	}
	if wpID != "" {
		w.comments[wpID] = c.ID
	}
	return nil
}

// resolveDeferred stores the replies that came before their parents, each
// once its parent is stored; a reply whose parent is nowhere in the file
// is stored top-level.
func (w *wxrImport) resolveDeferred() error {
	pending := w.deferred
	for len(pending) > 0 {
		var rest []deferredReply
		for _, d := range pending {
			pid, ok := w.comments[d.parentWP]
			if !ok {
				rest = append(rest, d)
				continue
			}
			d.comment.ParentID = pid
			if err := w.storeDeferred(d); err != nil {
				return err
			}
		}
		if len(rest) == len(pending) { // parents not in the file (or a loop)
			for _, d := range rest {
				if err := w.storeDeferred(d); err != nil {
					return err
				}
			}
			break
		}
		pending = rest
	}
	w.deferred = nil
	return nil
}

func (w *wxrImport) storeDeferred(d deferredReply) error {
	c := d.comment
	if err := w.storeComment(&c, d.wpID); err != nil {
		return &Error{File: w.path, Line: d.line, Offset: -1, Err: fmt.Errorf("reply %s: %w", c.Origin, err)}
	}
	return nil
}
