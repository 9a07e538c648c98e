package publish

import (
	"html/template"
	"sort"
	"strings"

	"newsroom/domain"
)

// maxReplyDepth bounds how deep replies nest on the page; deeper replies
// are shown at this depth, after their parent.
const maxReplyDepth = 6

// commentView is one comment as the page shows it. It holds nothing a
// reader must not see: no email, no client address.
type commentView struct {
	ID        int64
	Author    string
	AuthorURL string // http(s) only, else empty
	ByEditor  bool
	DateISO   string
	DateText  string
	Body      template.HTML
	Replies   []*commentView
}

// commentThread returns the approved comments as a tree, oldest first at
// every level, and the number of comments in it. Comments whose parent is
// not shown are treated as top-level; cycles cannot hide a comment.
func commentThread(comments []domain.Comment) ([]*commentView, int) {
	var approved []domain.Comment
	for _, c := range comments {
		if c.Status == domain.CommentApproved {
			approved = append(approved, c)
		}
	}
	sort.SliceStable(approved, func(i, j int) bool {
		a, b := approved[i], approved[j]
		if !a.SubmittedAt.Equal(b.SubmittedAt) {
			return a.SubmittedAt.Before(b.SubmittedAt)
		}
		return a.ID < b.ID
	})
	byID := make(map[int64]bool, len(approved))
	for _, c := range approved {
		byID[c.ID] = true
	}
	children := map[int64][]domain.Comment{}
	var roots []domain.Comment
	for _, c := range approved {
		if c.ParentID != 0 && c.ParentID != c.ID && byID[c.ParentID] {
			children[c.ParentID] = append(children[c.ParentID], c)
		} else {
			roots = append(roots, c)
		}
	}
	seen := make(map[int64]bool, len(approved))
	var build func(list []domain.Comment, depth int) []*commentView
	build = func(list []domain.Comment, depth int) []*commentView {
		var out []*commentView
		for _, c := range list {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			v := newCommentView(c)
			out = append(out, v)
			if depth < maxReplyDepth {
				v.Replies = build(children[c.ID], depth+1)
			} else {
				out = append(out, build(children[c.ID], depth)...)
			}
		}
		return out
	}
	tree := build(roots, 1)
	// Comments caught in a parent cycle are reachable from no root.
	for _, c := range approved {
		if !seen[c.ID] {
			tree = append(tree, build([]domain.Comment{c}, 1)...)
		}
	}
	return tree, len(seen)
}

func newCommentView(c domain.Comment) *commentView {
	author := strings.TrimSpace(cleanText(c.Author))
	if author == "" {
		author = "Anonymous"
	}
	v := &commentView{
		ID:       c.ID,
		Author:   author,
		ByEditor: c.ByEditor,
		Body:     commentHTML(c.Body),
	}
	v.AuthorURL, _ = httpURL(c.URL)
	if !c.SubmittedAt.IsZero() {
		v.DateISO = c.SubmittedAt.Format(timeISO)
		v.DateText = c.SubmittedAt.Format(timeHuman)
	}
	return v
}

// flattenComments lists the tree in reading order, for the reply picker.
func flattenComments(tree []*commentView) []*commentView {
	var out []*commentView
	var walk func([]*commentView)
	walk = func(list []*commentView) {
		for _, v := range list {
			out = append(out, v)
			walk(v.Replies)
		}
	}
	walk(tree)
	return out
}
