package app

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"newsroom/domain"
)

// maxThreadIndent caps how deep a reply is indented in the queue.
const maxThreadIndent = 4

// threadOrder puts each reply right under its parent (replies oldest
// first), keeping the order of the rest, and says how deep each row is
// (0 for a comment whose parent is not on the page). A reply whose
// parent is elsewhere stays where the page put it.
func threadOrder(rows []domain.Comment) ([]domain.Comment, map[int64]int) {
	onPage := make(map[int64]bool, len(rows))
	for _, c := range rows {
		onPage[c.ID] = true
	}
	children := make(map[int64][]int)
	var roots []int
	for i, c := range rows {
		if c.ParentID != 0 && c.ParentID != c.ID && onPage[c.ParentID] {
			children[c.ParentID] = append(children[c.ParentID], i)
		} else {
			roots = append(roots, i)
		}
	}
	for _, kids := range children {
		sort.SliceStable(kids, func(a, b int) bool {
			x, y := rows[kids[a]], rows[kids[b]]
			if !x.SubmittedAt.Equal(y.SubmittedAt) {
				return x.SubmittedAt.Before(y.SubmittedAt)
			}
			return x.ID < y.ID
		})
	}
	out := make([]domain.Comment, 0, len(rows))
	depth := make(map[int64]int, len(rows))
	var walk func(i, d int)
	walk = func(i, d int) {
		c := rows[i]
		if _, seen := depth[c.ID]; seen {
			return
		}
		depth[c.ID] = d
		out = append(out, c)
		for _, k := range children[c.ID] {
			walk(k, d+1)
		}
	}
	for _, i := range roots {
		walk(i, 0)
	}
	// Rows caught in a cycle of parents (never made by intake) still show.
	for i, c := range rows {
		if _, seen := depth[c.ID]; !seen {
			walk(i, 0)
		}
	}
	return out, depth
}

// commentDate is a comment's time for the queue, with the year when it is
// not now's year.
func commentDate(t, now time.Time) string {
	t = t.In(now.Location())
	if t.Year() == now.Year() {
		return t.Format("2 Jan 15:04")
	}
	return t.Format("2 Jan 2006 15:04")
}

// articleTitle names a comment's article by its headline (the slug when
// it has none).
func articleTitle(c *domain.Comment) string {
	if h := oneLine(c.ArticleHeadline, 120); h != "" {
		return h
	}
	return c.ArticleSlug
}

// maxParentLoads bounds how many parents off the page one load reads.
const maxParentLoads = 100

// loadParents reads the comments that rows answer but that are not among
// rows (another status, another page), so the detail can quote them. A
// parent deleted since is simply not found.
func (s *CommentsScreen) loadParents(rows []domain.Comment) (map[int64]domain.Comment, error) {
	onPage := make(map[int64]bool, len(rows))
	for _, c := range rows {
		onPage[c.ID] = true
	}
	out := make(map[int64]domain.Comment)
	for _, c := range rows {
		if c.ParentID == 0 || onPage[c.ParentID] {
			continue
		}
		if _, done := out[c.ParentID]; done || len(out) >= maxParentLoads {
			continue
		}
		p, err := s.store.GetComment(s.ctx, c.ParentID)
		if errors.Is(err, domain.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("load the comment %d answers: %w", c.ID, err)
		}
		out[c.ParentID] = *p
	}
	return out, nil
}
