package publish

import (
	"bytes"
	"errors"
	"fmt"
	"html"

	"github.com/yuin/goldmark/util"

	"newsroom/domain"
	"newsroom/markup"
)

// bodyRenderer renders markup's trees to HTML: goldmark's renderer with
// the body grammar's constructs and the link rules of this package.
var bodyRenderer = markup.NewRenderer(util.Prioritized(conventionRenderer{}, 100))

// RenderBody renders an article's Markdown body to HTML, with its quote
// records and credited excerpts resolved from a.Quotes and a.Sources.
func RenderBody(a *domain.Article) (string, error) {
	html, _, err := renderBody(a)
	return html, err
}

// renderBody is RenderBody that also reports the quote references the
// body places but the article has no record for. A body markup refuses
// (too long or beyond the markup bounds) renders as a note saying so; the
// attribution check reports it.
func renderBody(a *domain.Article) (string, []string, error) {
	if a == nil {
		return "", nil, errors.New("render body: no article")
	}
	doc, err := markup.Parse(a)
	if errors.Is(err, markup.ErrRefused) {
		return `<p class="body-refused" role="note">` + html.EscapeString(err.Error()) + "</p>\n", nil, nil
	}
	if err != nil {
		return "", nil, fmt.Errorf("render body of %q: %w", a.Slug, err)
	}
	placeHeadings(doc.Root)
	var buf bytes.Buffer
	buf.Grow(len(doc.Source) + len(doc.Source)/4)
	if err := bodyRenderer.Render(&buf, doc.Source, doc.Root); err != nil {
		return "", nil, fmt.Errorf("render body of %q: %w", a.Slug, err)
	}
	return buf.String(), doc.MissingQuotes, nil
}
