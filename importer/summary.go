package importer

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Formats reported in Summary.Format.
const (
	FormatMarkdown  = "markdown"
	FormatWordPress = "wxr"
)

// Summary tells what one imported file did to the store.
type Summary struct {
	File            string
	Format          string // FormatMarkdown or FormatWordPress
	ArticlesCreated int
	ArticlesUpdated int
	CommentsCreated int
	CommentsUpdated int
	// Skipped counts what the file held but Newsroom does not import, by
	// WordPress post type ("page", "attachment", "nav_menu_item", …) and
	// "<type> comments" for comments on skipped items.
	Skipped map[string]int
	// Slug is the article a Markdown file became.
	Slug string
}

// Articles is the number of articles stored, new or updated.
func (s Summary) Articles() int { return s.ArticlesCreated + s.ArticlesUpdated }

// Comments is the number of comments stored, new or updated.
func (s Summary) Comments() int { return s.CommentsCreated + s.CommentsUpdated }

// String is a one-line report for the command line, such as
// "export.xml: 58 articles (58 new, 0 updated), 28 comments; skipped 21 pages".
func (s Summary) String() string {
	name := filepath.Base(s.File)
	if s.Format == FormatMarkdown {
		what := "created"
		if s.ArticlesCreated == 0 {
			what = "updated"
		}
		return fmt.Sprintf("%s: article %q %s", name, s.Slug, what)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s (%d new, %d updated), %s", name,
		count(s.Articles(), "article", "articles"), s.ArticlesCreated, s.ArticlesUpdated,
		count(s.Comments(), "comment", "comments"))
	if skipped := s.skippedList(); len(skipped) > 0 {
		b.WriteString("; skipped ")
		b.WriteString(strings.Join(skipped, ", "))
	}
	return b.String()
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
