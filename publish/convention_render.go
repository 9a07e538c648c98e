package publish

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"newsroom/markup"
)

// conventionRenderer writes the body grammar's constructs (quote and
// excerpt figures, callouts, embeds), and
// links and images so that dangerous targets become plain text (see
// link_render.go). Every
// text it writes comes from the article's records and is escaped.
type conventionRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (conventionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(markup.KindQuoteFigure, renderQuoteFigure)
	reg.Register(markup.KindExcerptFigure, renderExcerptFigure)
	reg.Register(markup.KindCallout, renderCallout)
	reg.Register(markup.KindEmbed, renderEmbed)
	reg.Register(markup.KindImageFigure, renderImageFigure)
	reg.Register(ast.KindImage, renderImage)
	reg.Register(ast.KindLink, renderLink)
	reg.Register(ast.KindAutoLink, renderAutoLink)
}

func renderQuoteFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*markup.QuoteFigure)
	if !n.Found {
		_, _ = w.WriteString(`<p class="missing-quote" role="note">Missing quote: no quote record is called “`)
		_, _ = w.WriteString(html.EscapeString(cleanText(n.Ref)))
		_, _ = w.WriteString("”.</p>\n")
		return ast.WalkSkipChildren, nil
	}
	q := n.Quote
	_, _ = w.WriteString(`<figure class="quote"><blockquote>`)
	writeTextParagraphs(w, q.Text)
	_, _ = w.WriteString(`</blockquote>`)
	var credit []string
	for _, part := range []string{q.Speaker, q.Role, q.Context} {
		if p := strings.TrimSpace(cleanText(part)); p != "" {
			credit = append(credit, html.EscapeString(p))
		}
	}
	if len(credit) > 0 || n.SourceName != "" {
		_, _ = w.WriteString(`<figcaption>`)
		if len(credit) > 0 {
			_, _ = w.WriteString("— ")
			_, _ = w.WriteString(strings.Join(credit, ", "))
		}
		if n.SourceName != "" {
			if len(credit) > 0 {
				_, _ = w.WriteString(" ")
			}
			_, _ = w.WriteString(`<span class="via">(source: `)
			writeCite(w, n.SourceName, n.SourceURL)
			_, _ = w.WriteString(`)</span>`)
		}
		_, _ = w.WriteString(`</figcaption>`)
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkSkipChildren, nil
}

func renderExcerptFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*markup.ExcerptFigure)
	if !entering {
		_, _ = w.WriteString("</blockquote></figure>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<figure class="excerpt"><figcaption>`)
	writeCite(w, n.SourceName, n.SourceURL)
	_, _ = w.WriteString(" reports:</figcaption>\n<blockquote")
	if n.SourceURL != "" {
		_, _ = w.WriteString(` cite="`)
		_, _ = w.WriteString(html.EscapeString(n.SourceURL))
		_, _ = w.WriteString(`"`)
	}
	_, _ = w.WriteString(">\n")
	return ast.WalkContinue, nil
}

// renderCallout writes a GitHub alert as an aside with a visible label.
func renderCallout(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*markup.Callout)
	if !entering {
		_, _ = w.WriteString("</aside>\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<aside class="callout callout-`)
	_, _ = w.WriteString(html.EscapeString(n.AlertType))
	_, _ = w.WriteString(`"><p class="callout-label">`)
	_, _ = w.WriteString(html.EscapeString(n.Label()))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

// renderEmbed writes an embed as a figure with a link card: no script, no
// frame, nothing loaded from the other site.
func renderEmbed(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*markup.Embed)
	if !n.OK {
		_, _ = w.WriteString(`<p class="missing-embed" role="note">Embed: “`)
		_, _ = w.WriteString(html.EscapeString(cleanText(n.URL)))
		_, _ = w.WriteString("” is not a web address.</p>\n")
		return ast.WalkSkipChildren, nil
	}
	u := html.EscapeString(n.URL)
	_, _ = w.WriteString(`<figure class="embed"><a class="embed-link" href="`)
	_, _ = w.WriteString(u)
	_, _ = w.WriteString(`">`)
	_, _ = w.WriteString(html.EscapeString(n.Label()))
	_, _ = w.WriteString(`: <span class="embed-url">`)
	_, _ = w.WriteString(u)
	_, _ = w.WriteString("</span></a></figure>\n")
	return ast.WalkSkipChildren, nil
}

// writeCite writes <cite>name</cite>, with the name linked when url (an
// already checked http(s) URL) is set.
func writeCite(w util.BufWriter, name, url string) {
	_, _ = w.WriteString("<cite>")
	if url != "" {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.WriteString(html.EscapeString(url))
		_, _ = w.WriteString(`">`)
	}
	_, _ = w.WriteString(html.EscapeString(cleanText(name)))
	if url != "" {
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</cite>")
}

// writeTextParagraphs writes plain text as escaped paragraphs: blank lines
// separate paragraphs, single newlines become <br>.
func writeTextParagraphs(w util.BufWriter, s string) {
	for _, para := range splitParagraphs(cleanText(s)) {
		_, _ = w.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				_, _ = w.WriteString("<br>\n")
			}
			_, _ = w.WriteString(html.EscapeString(line))
		}
		_, _ = w.WriteString("</p>")
	}
}

// splitParagraphs splits plain text at blank lines, trimming each
// paragraph and dropping empty ones. Newlines must already be \n.
func splitParagraphs(s string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, " \t")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return out
}
