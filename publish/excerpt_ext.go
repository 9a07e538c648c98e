package publish

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// KindExcerptFigure is the node kind of a credited excerpt.
var KindExcerptFigure = ast.NewNodeKind("ExcerptFigure")

// ExcerptFigure is a blockquote credited to a source by a first line
// [!excerpt Source Name]. Its children are the blockquote's content.
type ExcerptFigure struct {
	ast.BaseBlock
	// SourceName is the register's spelling when the source is known,
	// else the name as typed.
	SourceName string
	// SourceURL is the source's http(s) URL, or empty.
	SourceURL string
}

// Kind implements ast.Node.
func (n *ExcerptFigure) Kind() ast.NodeKind { return KindExcerptFigure }

// Dump implements ast.Node.
func (n *ExcerptFigure) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"SourceName": n.SourceName, "SourceURL": n.SourceURL}, nil)
}

// excerptLine matches the marker line: [!excerpt The Guardian].
var excerptLine = regexp.MustCompile(`^\[!excerpt\s+([^\]]*?)\s*\]$`)

// excerptsKey holds the blockquotes found to carry a marker
// (map[*ast.Blockquote]string, blockquote → source name as typed).
var excerptsKey = parser.NewContextKey()

// excerptMarkerTransformer runs as each paragraph closes: when the
// paragraph opens a blockquote and its first line is an excerpt marker, it
// drops that line (or the whole paragraph) and remembers the blockquote
// for excerptTransformer.
type excerptMarkerTransformer struct{}

func (excerptMarkerTransformer) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	bq, ok := p.Parent().(*ast.Blockquote)
	if !ok || bq.FirstChild() != p {
		return
	}
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	first := lines.At(0)
	m := excerptLine.FindSubmatch(bytes.TrimSpace(first.Value(reader.Source())))
	if m == nil {
		return
	}
	name := strings.TrimSpace(string(m[1]))
	if name == "" {
		return
	}
	found, _ := pc.Get(excerptsKey).(map[*ast.Blockquote]string)
	if found == nil {
		found = map[*ast.Blockquote]string{}
		pc.Set(excerptsKey, found)
	}
	found[bq] = name
	if lines.Len() == 1 {
		bq.RemoveChild(bq, p)
		return
	}
	lines.SetSliced(1, lines.Len())
}

// excerptTransformer replaces each marked blockquote by an ExcerptFigure
// holding its content, with the source resolved from the article.
type excerptTransformer struct{}

func (excerptTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	found, _ := pc.Get(excerptsKey).(map[*ast.Blockquote]string)
	if len(found) == 0 {
		return
	}
	a := contextArticle(pc)
	for bq, name := range found {
		parent := bq.Parent()
		if parent == nil {
			continue
		}
		fig := &ExcerptFigure{SourceName: name}
		if s, ok := a.SourceByName(name); ok {
			fig.SourceName = s.Name
			fig.SourceURL, _ = httpURL(s.URL)
		}
		for c := bq.FirstChild(); c != nil; {
			next := c.NextSibling()
			fig.AppendChild(fig, c)
			c = next
		}
		parent.ReplaceChild(parent, bq, fig)
	}
}
