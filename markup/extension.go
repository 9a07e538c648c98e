package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"newsroom/domain"
)

// conventions is the goldmark extension for the body grammar's own
// constructs. The article whose quotes and sources it resolves is passed
// in the parser context (see Parse).
type conventions struct{}

// Extend registers the parsers and transformers.
func (conventions) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(lineBlockParser{}, 150)),
		parser.WithParagraphTransformers(util.Prioritized(blockquoteMarkerTransformer{}, 50)),
		parser.WithASTTransformers(util.Prioritized(blockquoteTransformer{}, 50)),
	)
}

// articleKey carries the article being parsed through the parser context.
var articleKey = parser.NewContextKey()

// missingKey collects the references of quotes the body places but the
// article has no record for ([]string).
var missingKey = parser.NewContextKey()

// markedKey holds the blockquotes whose first line is a marker
// (map[*ast.Blockquote]ast.Node, blockquote → its replacement).
var markedKey = parser.NewContextKey()

// contextArticle returns the article carried by the parser context, or an
// empty one when none is set (the constructs then render as unresolved).
func contextArticle(pc parser.Context) *domain.Article {
	if a, ok := pc.Get(articleKey).(*domain.Article); ok && a != nil {
		return a
	}
	return &domain.Article{}
}

// lineBlockParser turns a line holding only {{quote REF}} into a
// QuoteFigure, one holding only {{embed URL}} into an Embed and one
// holding only {{image REF}} into an ImageFigure.
type lineBlockParser struct{}

func (lineBlockParser) Trigger() []byte { return []byte{'{'} }

func (lineBlockParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimSpace(line)
	start := seg.Start + bytes.Index(line, trimmed)
	end := start + len(trimmed)
	if ref, ok := matchRef(quoteLine, trimmed); ok {
		reader.AdvanceToEOL()
		return resolveQuote(contextArticle(pc), pc, ref, start, end), parser.NoChildren
	}
	if u, ok := matchRef(embedLine, trimmed); ok {
		reader.AdvanceToEOL()
		n := &Embed{URL: u, Start: start, End: end}
		if clean, ok := HTTPURL(u); ok {
			n.URL, n.OK = clean, true
		}
		return n, parser.NoChildren
	}
	if arg, ok := matchRef(imageLine, trimmed); ok {
		reader.AdvanceToEOL()
		n := &ImageFigure{Start: start, End: end}
		n.Ref, n.Caption, n.CaptionSet = splitImageArgs(arg)
		return n, parser.NoChildren
	}
	return nil, parser.NoChildren
}

// resolveQuote builds the figure of quote ref from a's records.
func resolveQuote(a *domain.Article, pc parser.Context, ref string, start, end int) *QuoteFigure {
	n := &QuoteFigure{Ref: ref, Start: start, End: end}
	for i, q := range a.Quotes {
		if q.Ref == ref && ref != "" {
			n.Quote, n.Found, n.Number = q, true, i+1
			break
		}
	}
	if !n.Found {
		missing, _ := pc.Get(missingKey).([]string)
		pc.Set(missingKey, append(missing, ref))
		return n
	}
	if name := strings.TrimSpace(n.Quote.Source); name != "" {
		n.SourceName = name
		if s, ok := a.SourceByName(name); ok {
			n.SourceName = s.Name
			n.SourceURL, _ = HTTPURL(s.URL)
		}
	}
	return n
}

func (lineBlockParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (lineBlockParser) Close(ast.Node, text.Reader, parser.Context) {}

func (lineBlockParser) CanInterruptParagraph() bool { return true }

func (lineBlockParser) CanAcceptIndentedLine() bool { return false }

// blockquoteMarkerTransformer runs as each paragraph closes: when the
// paragraph opens a blockquote and its first line is an excerpt or alert
// marker, it drops that line (or the whole paragraph) and remembers the
// blockquote for blockquoteTransformer.
type blockquoteMarkerTransformer struct{}

func (blockquoteMarkerTransformer) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	bq, ok := p.Parent().(*ast.Blockquote)
	if !ok || bq.FirstChild() != p {
		return
	}
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	first := lines.At(0)
	line := first.Value(reader.Source())
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) < 3 || trimmed[0] != '[' || trimmed[1] != '!' {
		return
	}
	var fig ast.Node
	if name, ok := matchRef(excerptLine, trimmed); ok && name != "" {
		start := first.Start + bytes.Index(line, trimmed)
		fig = resolveExcerpt(contextArticle(pc), name, start, start+len(trimmed))
	} else if m := alertLine.FindSubmatch(trimmed); m != nil {
		fig = &Callout{AlertType: string(bytes.ToLower(m[1]))}
	} else {
		return
	}
	marked, _ := pc.Get(markedKey).(map[*ast.Blockquote]ast.Node)
	if marked == nil {
		marked = map[*ast.Blockquote]ast.Node{}
		pc.Set(markedKey, marked)
	}
	marked[bq] = fig
	if lines.Len() == 1 {
		bq.RemoveChild(bq, p)
		return
	}
	lines.SetSliced(1, lines.Len())
}

// resolveExcerpt builds the figure of an excerpt credited to name.
func resolveExcerpt(a *domain.Article, name string, start, end int) *ExcerptFigure {
	fig := &ExcerptFigure{SourceName: name, Typed: name, Start: start, End: end}
	if s, ok := a.SourceByName(name); ok {
		fig.SourceName, fig.Known = s.Name, true
		fig.SourceURL, _ = HTTPURL(s.URL)
	}
	return fig
}

// blockquoteTransformer replaces each marked blockquote by its figure or
// callout, which takes over the blockquote's content.
type blockquoteTransformer struct{}

func (blockquoteTransformer) Transform(_ *ast.Document, _ text.Reader, pc parser.Context) {
	marked, _ := pc.Get(markedKey).(map[*ast.Blockquote]ast.Node)
	for bq, fig := range marked {
		parent := bq.Parent()
		if parent == nil {
			continue
		}
		for c := bq.FirstChild(); c != nil; {
			next := c.NextSibling()
			fig.AppendChild(fig, c)
			c = next
		}
		parent.ReplaceChild(parent, bq, fig)
	}
}
