package publish

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// renderImage replaces goldmark's image renderer: an image whose address
// is empty or not allowed (javascript:, data: and other schemes besides
// http, https; see allowedURL) is shown as its alternative text instead of an <img src=""> that is
// invalid HTML; other images load lazily.
func renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := html.EscapeString(cleanText(plainText(n, source)))
	dest := util.URLEscape(n.Destination, true)
	if len(dest) == 0 || !allowedURL(dest) {
		_, _ = w.WriteString(alt)
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.WriteString(alt)
	_ = w.WriteByte('"')
	writeTitle(w, n.Title)
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// renderLink replaces goldmark's link renderer: a link whose target is
// not allowed (see allowedURL) is shown as its text alone, not as an <a href=""> that
// leads nowhere.
func renderLink(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	dest := util.URLEscape(n.Destination, true)
	if !allowedURL(dest) {
		return ast.WalkContinue, nil
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(dest))
	_ = w.WriteByte('"')
	writeTitle(w, n.Title)
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// renderAutoLink replaces goldmark's autolink renderer the same way:
// <javascript:alert(1)> stays text.
func renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	url := util.URLEscape(n.URL(source), false)
	label := util.EscapeHTML(n.Label(source))
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	if !allowedURL(url) {
		_, _ = w.Write(label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(url))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(label)
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

// allowedSchemes are the URL schemes a body may link to; addresses
// without a scheme (relative ones, #fragments) are allowed too.
var allowedSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "ftp": true}

// allowedURL reports whether an escaped link target is safe to put in an
// href or src: relative, or with an allowed scheme. It is checked on the
// final, entity-resolved text, so &#106;avascript: is caught too.
func allowedURL(u []byte) bool {
	for i, c := range u {
		switch {
		case c == ':':
			return i > 0 && allowedSchemes[strings.ToLower(string(u[:i]))]
		case c == '/' || c == '?' || c == '#':
			return true
		case !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')):
			// Not a scheme character: browsers read this as a relative
			// address, unless it is a character they strip (controls,
			// spaces), which URLEscape has already percent-encoded.
			return true
		}
	}
	return true
}

// writeTitle writes a link or image title attribute, when there is one.
func writeTitle(w util.BufWriter, title []byte) {
	if title == nil {
		return
	}
	_, _ = w.WriteString(` title="`)
	gmhtml.DefaultWriter.Write(w, []byte(cleanText(string(title))))
	_ = w.WriteByte('"')
}

// plainText returns the text inside an inline node, without markup.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(source))
				if t.SoftLineBreak() || t.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(t.Value)
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}
