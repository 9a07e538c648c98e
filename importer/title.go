package importer

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
	"unicode"

	"newsroom/domain"
	"newsroom/markup"
)

// plainTitle turns a front matter title into plain text: Markdown and
// HTML markup removed, entities decoded (also doubly escaped ones such as
// "&amp;nbsp;"), control characters removed, white space collapsed.
func plainTitle(s string) string {
	s = cleanControl(s)
	if strings.ContainsAny(s, "*_`[<~\\!") {
		s = markdownText(s)
	}
	for i := 0; i < 3 && strings.Contains(s, "&"); i++ {
		d := html.UnescapeString(s)
		if d == s {
			break
		}
		s = d
	}
	return strings.Join(strings.Fields(cleanControl(strings.ReplaceAll(s, "\u00a0", " "))), " ")
}

// markdownText is the text of one line of inline Markdown: emphasis,
// code, links and images reduced to their words, raw HTML tags dropped.
func markdownText(s string) string {
	src := []byte(s)
	doc := markup.ParseForeign(src)
	var b strings.Builder
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Kind() == ast.KindParagraph || n.Kind() == ast.KindHeading {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(t.URL(src))
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for c := t.FirstChild(); c != nil; c = c.NextSibling() {
				if tx, ok := c.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	out := strings.TrimSpace(b.String())
	if out == "" {
		if strings.Contains(s, "<") {
			return "" // only tags
		}
		return strings.Trim(s, "*_`~ ") // e.g. a title that is only "---"
	}
	return out
}

// foldAccents removes combining marks: "Café Crème" → "Cafe Creme".
var foldAccents = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// normalizeSlug makes s a valid slug: a valid one is kept, otherwise
// accents are folded, letters lower-cased, anything else (underscores,
// spaces, punctuation) turned into single hyphens, and the result cut to
// the slug limit. It returns "" when s has no letters or digits.
func normalizeSlug(s string) string {
	s = strings.TrimSpace(s)
	if domain.ValidateSlug(s) == nil {
		return s
	}
	if folded, _, err := transform.String(foldAccents, s); err == nil {
		s = folded
	}
	return domain.CutSlug(domain.SlugifyWithin(s, 0), domain.MaxSlugLen)
}
