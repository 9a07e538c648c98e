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

// comment stores one comment of article a. A reply whose parent is not
// stored yet is stored as top-level and fixed when the file ends.
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
	parent := strings.TrimSpace(wc.Parent)
	if parent == "0" {
		parent = ""
	}
	if parent != "" {
		if pid, ok := w.comments[parent]; ok {
			c.ParentID = pid
		}
	}
	created, err := w.b.UpsertComment(w.ctx, &c)
	if err != nil {
		return fmt.Errorf("store comment: %w", err)
	}
	if created {
		w.sum.CommentsCreated++
	} else {
		w.sum.CommentsUpdated++
	}
	if id != "" {
		w.comments[id] = c.ID
	}
	if parent != "" && c.ParentID == 0 {
		w.deferred = append(w.deferred, deferredReply{comment: c, parentWP: parent, line: line})
	}
	return nil
}

// resolveDeferred links replies to parents that came after them in the
// file. A reply whose parent is nowhere in the file stays top-level.
func (w *wxrImport) resolveDeferred() error {
	for _, d := range w.deferred {
		pid, ok := w.comments[d.parentWP]
		if !ok {
			continue
		}
		c := d.comment
		c.ParentID = pid
		if _, err := w.b.UpsertComment(w.ctx, &c); err != nil {
			return &Error{File: w.path, Line: d.line, Offset: -1, Err: fmt.Errorf("link reply %s to its parent comment: %w", c.Origin, err)}
		}
	}
	w.deferred = nil
	return nil
}
