package editor

import (
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"newsroom/domain"
	"newsroom/markup"
)

// previewDateLayout is how the preview shows the publication time.
const previewDateLayout = "2 January 2006 at 15:04 MST"

// previewText lays out a as the published page reads, as Markdown-like
// plain text for a read-only body view: "# " headline, the fact-check
// badge, byline and date, standfirst, the body with quote figures and
// credited excerpts resolved, and the source credits. now decides
// whether a published article is still embargoed.
func previewText(a *domain.Article, now time.Time) string {
	if a == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(len(a.Body) + len(a.Standfirst) + 512)
	headline := oneLine(a.Headline)
	if headline == "" {
		headline = "Untitled"
	}
	b.WriteString("# " + headline + "\n")
	if a.FactCheck.Checked {
		b.WriteString("✓ Fact checked\n")
	}
	b.WriteString(previewDateline(a, now) + "\n")
	if sf := strings.TrimSpace(a.Standfirst); sf != "" {
		b.WriteString("\n" + oneLine(sf) + "\n")
	}
	if doc, err := markup.Parse(a); err != nil {
		b.WriteString("\n" + err.Error() + "\n")
	} else {
		w := previewWriter{src: doc.Source, b: &b}
		w.blocks(doc.Root, "")
	}
	if credits := sourceCredits(a.Sources); credits != "" {
		b.WriteString("\n" + credits + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// previewDateline is the byline with the date, or the workflow state when
// the article is not (yet) public.
func previewDateline(a *domain.Article, now time.Time) string {
	var parts []string
	if by := oneLine(a.Byline); by != "" {
		parts = append(parts, "By "+by)
	}
	switch {
	case a.Status != domain.StatusPublished:
		parts = append(parts, "Draft")
	case a.IsEmbargoed(now):
		parts = append(parts, "Embargoed until "+a.PublishedAt.Local().Format(previewDateLayout))
	case !a.PublishedAt.IsZero():
		parts = append(parts, a.PublishedAt.Local().Format(previewDateLayout))
	}
	return strings.Join(parts, " · ")
}

// sourceCredits lists the article's sources as the page credits them.
func sourceCredits(sources []domain.Source) string {
	var names []string
	for _, s := range sources {
		name := oneLine(s.Name)
		if name == "" {
			continue
		}
		if kind := sourceKindLabel(s.Kind); kind != "" {
			name += " (" + kind + ")"
		}
		names = append(names, name)
	}
	if len(names) == 0 {
		return ""
	}
	return "Sources: " + strings.Join(names, ", ")
}

// sourceKindLabel names a source kind for readers, as the page does.
func sourceKindLabel(k domain.SourceKind) string {
	switch {
	case k == domain.SourceAnonymous:
		return "anonymous source"
	case k.Valid():
		return strings.ReplaceAll(string(k), "-", " ")
	}
	return ""
}

// oneLine joins s's lines and runs of white space into single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// previewWriter turns the body's syntax tree (markup.Parse, with quotes
// and sources resolved) into preview lines.
type previewWriter struct {
	src []byte
	b   *strings.Builder
}

// para writes one paragraph of the view: prefix, text, line break, with a
// blank line before it unless it opens the view.
func (w *previewWriter) para(prefix, text string) {
	w.b.WriteString("\n")
	for i, l := range strings.Split(text, "\n") {
		if i > 0 {
			w.b.WriteString("\n")
		}
		w.b.WriteString(prefix + l)
	}
	w.b.WriteString("\n")
}

// blocks writes the block children of n, each line starting with prefix
// (blockquote "> " markers, list indentation).
func (w *previewWriter) blocks(n ast.Node, prefix string) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, prefix)
	}
}

func (w *previewWriter) block(n ast.Node, prefix string) {
	switch n := n.(type) {
	case *ast.Heading:
		level := n.Level
		if level < 2 {
			level = 2 // the headline is the page's only first-level heading
		}
		w.para(prefix+strings.Repeat("#", level)+" ", w.inline(n))
	case *ast.Paragraph, *ast.TextBlock:
		w.para(prefix, w.inline(n))
	case *ast.Blockquote:
		w.blocks(n, prefix+"> ")
	case *ast.List:
		w.list(n, prefix)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(w.src))
		}
		w.para(prefix+"    ", strings.TrimRight(b.String(), "\n"))
	case *ast.ThematicBreak:
		w.para(prefix, "⁂")
	case *ast.HTMLBlock:
		// Raw HTML is left out of published pages (safe mode).
	case *markup.QuoteFigure:
		w.quote(n, prefix)
	case *markup.ExcerptFigure:
		w.para(prefix, oneLine(n.SourceName)+" reports:")
		w.blocks(n, prefix+"> ")
	case *markup.Callout:
		w.para(prefix+"> ", n.Label()+":")
		w.blocks(n, prefix+"> ")
	case *markup.Embed:
		if !n.OK {
			w.para(prefix, "Embed: “"+oneLine(n.URL)+"” is not a web address.")
			break
		}
		w.para(prefix, "["+n.Label()+": "+n.URL+"]")
	case *east.Table:
		w.table(n, prefix)
	default:
		w.blocks(n, prefix)
	}
}

// quote writes a placed quote record as a figure: the quotation, then
// "— Speaker, Role, context (source: Name)" on the next line.
func (w *previewWriter) quote(n *markup.QuoteFigure, prefix string) {
	if !n.Found {
		w.para(prefix, "Missing quote: no quote record is called “"+n.Ref+"”.")
		return
	}
	q := n.Quote
	var who []string
	for _, v := range []string{q.Speaker, q.Role, q.Context} {
		if v = oneLine(v); v != "" {
			who = append(who, v)
		}
	}
	credit := ""
	if len(who) > 0 {
		credit = "— " + strings.Join(who, ", ")
	}
	if s := oneLine(n.SourceName); s != "" {
		credit = strings.TrimSpace(credit + " (source: " + s + ")")
	}
	figure := "“" + strings.TrimSpace(q.Text) + "”"
	if credit != "" {
		figure += "\n" + credit
	}
	w.para(prefix+"> ", figure)
}

// list writes list items with bullets or numbers.
func (w *previewWriter) list(l *ast.List, prefix string) {
	num := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "• "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + ". "
			num++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if first {
					w.para(prefix+marker, w.inline(c))
				} else {
					w.para(prefix+"   ", w.inline(c))
				}
			default:
				w.block(c, prefix+"   ")
			}
			first = false
		}
	}
}

// table writes each row with its cells separated by " | ".
func (w *previewWriter) table(t *east.Table, prefix string) {
	var rows []string
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []string
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, w.inline(c))
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	w.para(prefix, strings.Join(rows, "\n"))
}

// inline returns the readable text of n's inline children: emphasis and
// link markup dropped, images as their description, raw HTML left out.
func (w *previewWriter) inline(n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(w.src))
			switch {
			case c.HardLineBreak():
				b.WriteByte('\n')
			case c.SoftLineBreak():
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if s, ok := t.(*ast.Text); ok {
					b.Write(s.Segment.Value(w.src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			b.Write(c.Label(w.src))
			return ast.WalkSkipChildren, nil
		case *ast.Image:
			b.WriteString("[image: ")
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				b.WriteString(w.inline(t))
			}
			b.WriteString("]")
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
