package publish

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"newsroom/domain"
)

// markdown is the one goldmark instance; goldmark converters are safe for
// concurrent use. It runs in safe mode (html.WithUnsafe is never set), so
// raw HTML in a body is omitted and javascript: links lose their target.
// The Typographer extension is deliberately absent: text stays as typed.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		BodyConventions,
	),
)

// articleKey carries the article being rendered through the parser
// context, for the quote and excerpt conventions.
var articleKey = parser.NewContextKey()

// missingKey collects the references of quotes the body places but the
// article has no record for ([]string).
var missingKey = parser.NewContextKey()

// RenderBody renders an article's Markdown body to HTML, with its quote
// records and credited excerpts resolved from a.Quotes and a.Sources.
func RenderBody(a *domain.Article) (string, error) {
	html, _, err := renderBody(a)
	return html, err
}

// renderBody is RenderBody that also reports the quote references the
// body places but the article has no record for.
func renderBody(a *domain.Article) (string, []string, error) {
	if a == nil {
		return "", nil, errors.New("render body: no article")
	}
	src := []byte(cleanText(a.Body))
	pc := parser.NewContext()
	pc.Set(articleKey, a)
	doc := markdown.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := markdown.Renderer().Render(&buf, src, doc); err != nil {
		return "", nil, fmt.Errorf("render body of %q: %w", a.Slug, err)
	}
	missing, _ := pc.Get(missingKey).([]string)
	return buf.String(), missing, nil
}

// contextArticle returns the article carried by the parser context, or an
// empty one when none is set (the conventions then render as unresolved).
func contextArticle(pc parser.Context) *domain.Article {
	if a, ok := pc.Get(articleKey).(*domain.Article); ok && a != nil {
		return a
	}
	return &domain.Article{}
}
