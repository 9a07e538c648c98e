package publish

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"newsroom/domain"
)

// markdown renders bodies: GFM tables, strikethrough and autolinks, and
// the body conventions. goldmark converters are safe for concurrent use.
// It runs in safe mode (html.WithUnsafe is never set), so raw HTML in a
// body is omitted and javascript: links lose their target. The
// Typographer extension is deliberately absent: text stays as typed.
var markdown = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		BodyConventions,
	),
)

// markdownPlain is markdown without autolinks. Linkify stops the inline
// parser at every space to look for a URL, which doubles parsing time;
// most bodies hold no text it could link, so they are parsed with this
// instance first and again with markdown only when their text could hold
// an autolink (see mayAutolink).
var markdownPlain = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
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
	md, doc, pc := parse(markdownPlain, a, src)
	if mayAutolink(doc, src) {
		md, doc, pc = parse(markdown, a, src)
	}
	return render(md, doc, pc, a, src)
}

// parse parses src, the body of a, with md.
func parse(md goldmark.Markdown, a *domain.Article, src []byte) (goldmark.Markdown, ast.Node, parser.Context) {
	pc := parser.NewContext()
	pc.Set(articleKey, a)
	return md, md.Parser().Parse(text.NewReader(src), parser.WithContext(pc)), pc
}

// render renders a body parsed by parse.
func render(md goldmark.Markdown, doc ast.Node, pc parser.Context, a *domain.Article, src []byte) (string, []string, error) {
	placeHeadings(doc)
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
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

// autolinkStarts are what every text Linkify turns into a link begins
// with: a URL scheme it knows, "www." or, for an e-mail address, an "@"
// inside it.
var autolinkStarts = [][]byte{[]byte("http:"), []byte("https:"), []byte("ftp:"), []byte("www."), []byte("@")}

// mayAutolink reports whether a body parsed without Linkify has text
// Linkify could have turned into a link. Linkify only links text that
// would otherwise be plain text, and the start of such a link (scheme,
// "www.", "@") never stops the inline parser, so it lies whole inside one
// text node; when no text node holds one, parsing with Linkify gives the
// same page.
func mayAutolink(doc ast.Node, src []byte) bool {
	found := false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		t, ok := n.(*ast.Text)
		if !ok {
			return ast.WalkContinue, nil
		}
		value := t.Segment.Value(src)
		for _, start := range autolinkStarts {
			if bytes.Contains(value, start) {
				found = true
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return found
}
