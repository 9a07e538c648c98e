package publish

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// bodyConventions is the goldmark extension for Newsroom's body
// conventions (domain/body.go): quote records and credited excerpts. The
// article whose quotes and sources it resolves is passed in the parser
// context (see RenderBody).
type bodyConventions struct{}

// BodyConventions is the goldmark extension that renders {{quote ref}}
// paragraphs as quote figures and [!excerpt Source] blockquotes as credited
// excerpt figures.
var BodyConventions goldmark.Extender = bodyConventions{}

// Extend registers the parsers, transformers and renderers.
func (bodyConventions) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(quoteBlockParser{}, 150)),
		parser.WithParagraphTransformers(util.Prioritized(excerptMarkerTransformer{}, 50)),
		parser.WithASTTransformers(util.Prioritized(excerptTransformer{}, 50)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(conventionRenderer{}, 100),
	))
}
