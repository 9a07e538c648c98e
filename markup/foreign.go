package markup

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// foreignParser reads Markdown written for other tools (Hugo, Jekyll):
// CommonMark with GitHub's extensions and footnotes, without the body
// grammar's constructs.
var foreignParser = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()

// ParseForeign parses src as CommonMark with GitHub's extensions and
// footnotes, as Hugo and Jekyll sites' Markdown is written, for an import
// to find what it must convert (raw HTML, the text of a title). It is
// not the body grammar: bodies are read with Parse.
func ParseForeign(src []byte) ast.Node {
	return foreignParser.Parse(text.NewReader(src))
}
