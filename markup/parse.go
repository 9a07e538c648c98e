package markup

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"newsroom/domain"
)

// newMarkdown is the one goldmark constructor: GFM tables, strikethrough
// and (with linkify) autolinks, footnotes and the body grammar's
// constructs, with renderers added to goldmark's HTML renderer. It runs in
// safe mode (html.WithUnsafe is never set), so raw HTML in a body is
// omitted and javascript: links lose their target. The Typographer
// extension is deliberately absent: text stays as typed. goldmark
// converters are safe for concurrent use.
func newMarkdown(linkify bool, renderers ...util.PrioritizedValue) goldmark.Markdown {
	exts := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.Footnote, conventions{}}
	if linkify {
		exts = append(exts, extension.Linkify)
	}
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(renderers...)),
	)
}

// plainParser parses without autolinks. Linkify stops the inline parser
// at every space to look for a URL, which doubles parsing time; most
// bodies hold no text it could link, so they are parsed with this parser
// first and again with linkifyParser only when their text could hold an
// autolink (see mayAutolink).
var (
	plainParser   = newMarkdown(false).Parser()
	linkifyParser = newMarkdown(true).Parser()
)

// NewRenderer returns an HTML renderer for Parse's trees: goldmark's, with
// the GFM and footnote renderers, and the given node renderers (publishing
// adds those of the body grammar's constructs and its link rules).
func NewRenderer(renderers ...util.PrioritizedValue) renderer.Renderer {
	return newMarkdown(true, renderers...).Renderer()
}

// Doc is a parsed article body.
type Doc struct {
	// Source is the body as parsed (CleanText of Article.Body); the tree's
	// segments point into it.
	Source []byte
	// Root is the syntax tree, with quote figures, excerpt figures,
	// callouts and embeds resolved.
	Root ast.Node
	// MissingQuotes are the references the body places that the article
	// has no quote record for, in body order.
	MissingQuotes []string
	// Unlinkified is set when the body was parsed without Linkify, having
	// no text it could link.
	Unlinkified bool

	from  []int32 // Source offset → body offset, nil when the same
	marks *domain.BodyMarks
}

// ErrRefused is wrapped by the error of Parse for a body it will not give
// goldmark (over the size limit or the markup bounds).
var ErrRefused = errors.New("body refused")

// Parse parses a's body with the body grammar, resolving placed quotes
// and credited excerpts from a's records. A body over the bounds (see
// Bounds) is refused with an error wrapping ErrRefused that says why.
func Parse(a *domain.Article) (*Doc, error) { return parseBody(a, false) }

// ParseLinkified is Parse always with Linkify, the slow way Parse's
// shortcut must match (for tests of that shortcut).
func ParseLinkified(a *domain.Article) (*Doc, error) { return parseBody(a, true) }

// parseBody is Parse, with Linkify whatever the text when always is set.
func parseBody(a *domain.Article, always bool) (*Doc, error) {
	if a == nil {
		return nil, errors.New("parse body: no article")
	}
	clean, from := cleanBody(a.Body)
	if reason := Bounds(clean); reason != "" {
		return nil, fmt.Errorf("%w: %s", ErrRefused, reason)
	}
	src := []byte(clean)
	shortcut := !always
	var root ast.Node
	var pc parser.Context
	if shortcut {
		root, pc = parse(plainParser, a, src)
		shortcut = !mayAutolink(root, src)
	}
	if !shortcut {
		root, pc = parse(linkifyParser, a, src)
	}
	missing, _ := pc.Get(missingKey).([]string)
	return &Doc{Source: src, Root: root, MissingQuotes: missing, Unlinkified: shortcut, from: from}, nil
}

// parse parses src, the clean body of a, with p.
func parse(p parser.Parser, a *domain.Article, src []byte) (ast.Node, parser.Context) {
	pc := parser.NewContext()
	pc.Set(articleKey, a)
	return p.Parse(text.NewReader(src), parser.WithContext(pc)), pc
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
// same tree.
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
