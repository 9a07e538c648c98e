package publish

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"newsroom/domain"
)

// KindQuoteFigure is the node kind of a placed quote record.
var KindQuoteFigure = ast.NewNodeKind("QuoteFigure")

// QuoteFigure is a quote record placed in the body by a {{quote ref}}
// paragraph. Found is false when the article has no record with Ref.
type QuoteFigure struct {
	ast.BaseBlock
	Ref   string
	Quote domain.Quote
	Found bool
	// SourceName and SourceURL credit the quote's source; SourceURL is
	// empty unless the register gives an http(s) URL.
	SourceName string
	SourceURL  string
}

// Kind implements ast.Node.
func (n *QuoteFigure) Kind() ast.NodeKind { return KindQuoteFigure }

// Dump implements ast.Node.
func (n *QuoteFigure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Ref": n.Ref}, nil)
}

// quoteLine matches a whole line placing a quote: {{quote harf}}. The
// reference is taken loosely so a mistyped one is reported, not printed.
var quoteLine = regexp.MustCompile(`^\{\{\s*quote\s+([^{}]*?)\s*\}\}$`)

// quoteBlockParser turns a line holding only {{quote ref}} into a
// QuoteFigure.
type quoteBlockParser struct{}

func (quoteBlockParser) Trigger() []byte { return []byte{'{'} }

func (quoteBlockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, _ := reader.PeekLine()
	m := quoteLine.FindSubmatch(bytes.TrimSpace(line))
	if m == nil {
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	ref := string(m[1])
	a := contextArticle(pc)
	n := &QuoteFigure{Ref: ref}
	n.Quote, n.Found = a.QuoteByRef(ref)
	if !n.Found {
		missing, _ := pc.Get(missingKey).([]string)
		pc.Set(missingKey, append(missing, ref))
		return n, parser.NoChildren
	}
	if name := strings.TrimSpace(n.Quote.Source); name != "" {
		n.SourceName = name
		if s, ok := a.SourceByName(name); ok {
			n.SourceName = s.Name
			n.SourceURL, _ = httpURL(s.URL)
		}
	}
	return n, parser.NoChildren
}

func (quoteBlockParser) Continue(ast.Node, text.Reader, parser.Context) parser.State {
	return parser.Close
}

func (quoteBlockParser) Close(ast.Node, text.Reader, parser.Context) {}

func (quoteBlockParser) CanInterruptParagraph() bool { return true }

func (quoteBlockParser) CanAcceptIndentedLine() bool { return false }
