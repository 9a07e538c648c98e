package importer

import (
	"fmt"
	"sort"
	"strings"
)

// Formats reported in Summary.Format.
const (
	FormatMarkdown  = "markdown"
	FormatWordPress = "wxr"
)

// Warning is something an import carried over imperfectly or not at all
// (kept as visible text), located in its file.
type Warning struct {
	File    string
	Line    int // 0 when it concerns the whole file
	Message string
}

// String formats the warning as "file:line: message".
func (w Warning) String() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Message)
	}
	return fmt.Sprintf("%s: %s", w.File, w.Message)
}

// Summary tells what one file did to the store.
type Summary struct {
	// File is the file's path as shown to the user: relative to the
	// folder given, or as given.
	File   string
	Format string // FormatMarkdown or FormatWordPress; empty when skipped
	// Outcome is what a Markdown file's article became.
	Outcome           Outcome
	ArticlesCreated   int
	ArticlesUpdated   int
	ArticlesUnchanged int
	CommentsCreated   int
	CommentsUpdated   int
	CommentsUnchanged int
	// Images counts the images the file brought into the media library
	// (WordPress attachments, images beside or under a Markdown file),
	// ImagesNew those not already in it.
	Images, ImagesNew int
	// Skipped counts what the file held but Newsroom does not import, by
	// WordPress post type ("page", "attachment", "nav_menu_item", …) and
	// "<type> comments" for comments on skipped items.
	Skipped map[string]int
	// Slug is the article a Markdown file became.
	Slug string
	// SkipReason, when set, says why the whole file was not imported
	// (a list page, not a content file…); nothing of it was read.
	SkipReason string
	// Err is why the file failed (an *Error with file and line); nothing
	// of it was stored.
	Err error
	// Warnings are what was carried imperfectly, with file and line.
	Warnings []Warning
}

// Articles is the number of articles stored, new or updated.
func (s Summary) Articles() int { return s.ArticlesCreated + s.ArticlesUpdated }

// Comments is the number of comments stored, new or updated.
func (s Summary) Comments() int { return s.CommentsCreated + s.CommentsUpdated }

// Status is the file's fate in one word: created, updated, unchanged,
// skipped or failed.
func (s Summary) Status() string {
	switch {
	case s.Err != nil:
		return "failed"
	case s.SkipReason != "":
		return "skipped"
	case s.Format == FormatMarkdown:
		return s.Outcome.String()
	case s.ArticlesCreated > 0:
		return "created"
	case s.ArticlesUpdated > 0 || s.CommentsCreated+s.CommentsUpdated > 0:
		return "updated"
	}
	return "unchanged"
}

// String is a one-line report for the command line, such as
// "created a/intro.md: article \"intro\"" or "updated export.xml: 58
// articles (2 new, 1 updated, 55 unchanged), 28 comments; skipped 21 pages".
func (s Summary) String() string {
	switch {
	case s.Err != nil:
		return "failed " + s.Err.Error()
	case s.SkipReason != "":
		return fmt.Sprintf("skipped %s: %s", s.File, s.SkipReason)
	case s.Format == FormatMarkdown:
		return fmt.Sprintf("%s %s: article %q%s", s.Outcome, s.File, s.Slug, s.imagesText())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s (%d new, %d updated, %d unchanged), %s", s.Status(), s.File,
		count(s.Articles()+s.ArticlesUnchanged, "article", "articles"), s.ArticlesCreated, s.ArticlesUpdated,
		s.ArticlesUnchanged, count(s.Comments()+s.CommentsUnchanged, "comment", "comments"))
	b.WriteString(s.imagesText())
	if skipped := s.skippedList(); len(skipped) > 0 {
		b.WriteString("; skipped ")
		b.WriteString(strings.Join(skipped, ", "))
	}
	return b.String()
}

// imagesText is ", N images (M new)" when the file brought images, else "".
func (s Summary) imagesText() string {
	if s.Images == 0 {
		return ""
	}
	return fmt.Sprintf(", %s (%d new)", count(s.Images, "image", "images"), s.ImagesNew)
}

// skipNames gives the order and the words for well-known skipped kinds.
var skipNames = []struct{ key, one, many string }{
	{"page", "page", "pages"},
	{"attachment", "attachment", "attachments"},
	{"nav_menu_item", "menu item", "menu items"},
	{"trashed post", "trashed post", "trashed posts"},
	{"auto-draft", "auto-draft", "auto-drafts"},
}

func (s Summary) skippedList() []string {
	var out []string
	known := map[string]bool{}
	for _, n := range skipNames {
		known[n.key] = true
		if c := s.Skipped[n.key]; c > 0 {
			out = append(out, count(c, n.one, n.many))
		}
	}
	var rest []string
	for k, c := range s.Skipped {
		if !known[k] && c > 0 {
			rest = append(rest, k)
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		ci, cj := strings.HasSuffix(rest[i], " comments"), strings.HasSuffix(rest[j], " comments")
		if ci != cj {
			return cj // comment counts go last
		}
		return rest[i] < rest[j]
	})
	for _, k := range rest {
		c := s.Skipped[k]
		if strings.HasSuffix(k, " comments") {
			out = append(out, fmt.Sprintf("%d %s", c, k))
		} else {
			out = append(out, count(c, fmt.Sprintf("%q item", k), fmt.Sprintf("%q items", k)))
		}
	}
	return out
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
