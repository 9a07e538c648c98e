package editor

import (
	"image"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"newsroom/domain"
	"newsroom/markup"
)

// blockKind is how a preview block is drawn.
type blockKind uint8

const (
	blockPlain  blockKind = iota // rich text
	blockQuoted                  // rich text with a bar at its left: quote figures, excerpts, quotes, callouts
	blockImage                   // a captioned placeholder box for an image
	blockTable                   // a grid of cells
)

// previewBlock is one top-level block of the preview, built off the UI
// goroutine as data (segments); the view makes its widgets.
type previewBlock struct {
	// at is the body offset where the block's source starts, -1 for the
	// headline, standfirst and credits.
	at   int
	kind blockKind
	segs []widget.RichTextSegment
	// rows are a table's cells, the first row the header.
	rows [][][]widget.RichTextSegment
	// caption is an image's description.
	caption string
	// img is a library image's picture, scaled for the preview; nil for a
	// placeholder box.
	img image.Image
}

// Preview text styles beyond Fyne's own.
var (
	styleDateline = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	styleBadge    = widget.RichTextStyle{ColorName: theme.ColorNameSuccess, TextStyle: fyne.TextStyle{Bold: true}}
	styleCaption  = widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	styleWarning  = widget.RichTextStyle{ColorName: theme.ColorNameWarning}
)

// previewPage lays out a as the published page reads: headline,
// fact-check badge, byline and date, standfirst, the body from the same
// parse as the export (markup.Parse) with quote figures, credited
// excerpts and callouts resolved, and the source credits. now decides
// whether a published article is still embargoed.
func previewPage(a *domain.Article, now time.Time, images imageSource) []previewBlock {
	if a == nil {
		return nil
	}
	headline := oneLine(a.Headline)
	if headline == "" {
		headline = "Untitled"
	}
	head := []widget.RichTextSegment{text(widget.RichTextStyleHeading, headline)}
	if a.FactCheck.Checked {
		head = append(head, text(styleBadge, "✓ Fact checked"))
	}
	head = append(head, text(styleDateline, previewDateline(a, now)))
	blocks := []previewBlock{{at: -1, segs: head}}
	if ref := strings.TrimSpace(a.LeadImage); ref != "" {
		blocks = append(blocks, imageBlock(images, ref, -1, "", false))
	}
	if sf := strings.TrimSpace(a.Standfirst); sf != "" {
		st := widget.RichTextStyleParagraph
		st.SizeName = theme.SizeNameSubHeadingText
		blocks = append(blocks, previewBlock{at: -1, segs: []widget.RichTextSegment{text(st, oneLine(sf))}})
	}
	if doc, err := markup.Parse(a); err != nil {
		blocks = append(blocks, previewBlock{at: 0, segs: []widget.RichTextSegment{text(styleWarning, err.Error())}})
	} else {
		w := richWriter{doc: doc, src: doc.Source, images: images}
		for c := doc.Root.FirstChild(); c != nil; c = c.NextSibling() {
			if b, ok := w.topBlock(c); ok {
				blocks = append(blocks, b)
			}
		}
	}
	if credits := sourceCredits(a.Sources); credits != "" {
		blocks = append(blocks, previewBlock{at: -1, segs: []widget.RichTextSegment{text(styleCaption, credits)}})
	}
	return blocks
}

// text is one paragraph-ending text segment.
func text(style widget.RichTextStyle, s string) *widget.TextSegment {
	style.Inline = false
	return &widget.TextSegment{Style: style, Text: s}
}

// richWriter turns the body's syntax tree into preview blocks.
type richWriter struct {
	doc    *markup.Doc
	src    []byte
	images imageSource // nil: images are placeholder boxes
}

// topBlock makes the preview block of a top-level node; ok is false for
// what the page leaves out (raw HTML).
func (w *richWriter) topBlock(n ast.Node) (previewBlock, bool) {
	b := previewBlock{at: w.doc.BodyOffset(sourceStart(n))}
	switch n := n.(type) {
	case *ast.HTMLBlock:
		return b, false // raw HTML is left out of published pages (safe mode)
	case *markup.ImageFigure:
		return imageBlock(w.images, n.Ref, w.doc.BodyOffset(n.Start), n.Caption, n.CaptionSet), true
	case *east.Table:
		b.kind = blockTable
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var row [][]widget.RichTextSegment
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				st := widget.RichTextStyleInline
				if _, head := r.(*east.TableHeader); head {
					st.TextStyle.Bold = true
				}
				row = append(row, w.inlines(c, st))
			}
			b.rows = append(b.rows, row)
		}
		return b, true
	case *ast.Paragraph:
		if img, ok := loneImage(n); ok {
			b.kind = blockImage
			b.caption = plainInline(img, w.src)
			if title := strings.TrimSpace(string(img.Title)); title != "" && b.caption == "" {
				b.caption = title
			}
			return b, true
		}
	case *markup.QuoteFigure, *markup.ExcerptFigure, *ast.Blockquote, *markup.Callout:
		b.kind = blockQuoted
	}
	b.segs = w.block(n, false)
	return b, len(b.segs) > 0
}

// loneImage reports whether paragraph p holds only an image.
func loneImage(p *ast.Paragraph) (*ast.Image, bool) {
	img, ok := p.FirstChild().(*ast.Image)
	return img, ok && p.ChildCount() == 1
}

// sourceStart is the source offset where n's first line starts (0 when
// neither n nor its descendants have lines).
func sourceStart(n ast.Node) int {
	start := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		if l := c.Lines(); l != nil && l.Len() > 0 {
			start = l.At(0).Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if start < 0 {
		if q, ok := n.(*markup.QuoteFigure); ok {
			return q.Start
		}
		return 0
	}
	return start
}

// block returns the segments of a block node; quoted sets the text in the
// quotation style.
func (w *richWriter) block(n ast.Node, quoted bool) []widget.RichTextSegment {
	para := widget.RichTextStyleInline
	if quoted {
		para = widget.RichTextStyleBlockquote
		para.Inline = true
	}
	switch n := n.(type) {
	case *ast.Heading:
		st := widget.RichTextStyleSubHeading // the headline is the page's only first-level heading
		if n.Level > 2 {
			st = widget.RichTextStyleParagraph
			st.TextStyle.Bold = true
		}
		st.Inline = true
		return endParagraph(w.inlines(n, st))
	case *ast.Paragraph, *ast.TextBlock:
		return endParagraph(w.inlines(n, para))
	case *ast.Blockquote:
		return w.blocks(n, true)
	case *ast.List:
		return []widget.RichTextSegment{w.list(n, quoted)}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		var b strings.Builder
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(w.src))
		}
		return []widget.RichTextSegment{text(widget.RichTextStyleCodeBlock, strings.TrimRight(b.String(), "\n"))}
	case *ast.ThematicBreak:
		return []widget.RichTextSegment{&widget.SeparatorSegment{}}
	case *ast.HTMLBlock:
		return nil
	case *markup.QuoteFigure:
		return w.quote(n)
	case *markup.ExcerptFigure:
		st := widget.RichTextStyleParagraph
		st.TextStyle.Bold = true
		segs := []widget.RichTextSegment{text(st, oneLine(n.SourceName)+" reports:")}
		return append(segs, w.blocks(n, true)...)
	case *markup.Callout:
		st := widget.RichTextStyleParagraph
		st.TextStyle.Bold = true
		segs := []widget.RichTextSegment{text(st, n.Label())}
		return append(segs, w.blocks(n, quoted)...)
	case *markup.Embed:
		if !n.OK {
			return []widget.RichTextSegment{text(styleWarning, "Embed: “"+oneLine(n.URL)+"” is not a web address.")}
		}
		return []widget.RichTextSegment{text(linkStyle(widget.RichTextStyleParagraph), n.Label()+": "+n.URL)}
	case *east.Table:
		var segs []widget.RichTextSegment // a table inside a list or quote: rows of text
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var cells []string
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, plainInline(c, w.src))
			}
			segs = append(segs, text(widget.RichTextStyleParagraph, strings.Join(cells, "  │  ")))
		}
		return segs
	}
	return w.blocks(n, quoted)
}

// blocks returns the segments of n's block children.
func (w *richWriter) blocks(n ast.Node, quoted bool) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		segs = append(segs, w.block(c, quoted)...)
	}
	return segs
}

// quote is a placed quote record as the page's figure: the quotation,
// then "— Speaker, Role, context (source: Name)" as its caption.
func (w *richWriter) quote(n *markup.QuoteFigure) []widget.RichTextSegment {
	if !n.Found {
		return []widget.RichTextSegment{text(styleWarning, "Missing quote: no quote record is called “"+n.Ref+"”.")}
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
	st := widget.RichTextStyleBlockquote
	st.SizeName = theme.SizeNameSubHeadingText
	segs := []widget.RichTextSegment{text(st, "“"+strings.TrimSpace(q.Text)+"”")}
	if credit != "" {
		segs = append(segs, text(styleCaption, credit))
	}
	return segs
}

// list is a bulleted or numbered list; nested lists stay nested.
func (w *richWriter) list(l *ast.List, quoted bool) *widget.ListSegment {
	out := &widget.ListSegment{Ordered: l.IsOrdered()}
	if l.IsOrdered() {
		out.SetStartNumber(l.Start)
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var texts []widget.RichTextSegment
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			segs := w.block(c, quoted)
			if _, tight := c.(*ast.TextBlock); tight && c.NextSibling() == nil {
				segs = trimParagraphEnd(segs)
			}
			texts = append(texts, segs...)
		}
		out.Items = append(out.Items, &widget.ParagraphSegment{Texts: trimParagraphEnd(texts)})
	}
	return out
}

// inlines returns the segments of n's inline children in style base:
// emphasis, code spans, links, line breaks; raw HTML is left out and an
// image shows as its description in brackets.
func (w *richWriter) inlines(n ast.Node, base widget.RichTextStyle) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	add := func(st widget.RichTextStyle, s string) {
		st.Inline = true
		for s != "" {
			last, ok := lastText(segs)
			if !ok || last.Style != st || len(last.Text) >= richChunk {
				last = &widget.TextSegment{Style: st}
				segs = append(segs, last)
			}
			n := chunkEnd(s, richChunk-len(last.Text))
			last.Text += s[:n]
			s = s[n:]
		}
	}
	var walk func(n ast.Node, st widget.RichTextStyle)
	walk = func(n ast.Node, st widget.RichTextStyle) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				add(st, string(c.Segment.Value(w.src)))
				switch {
				case c.HardLineBreak():
					if last, ok := lastText(segs); ok {
						last.Style.Inline = false
					}
				case c.SoftLineBreak():
					add(st, " ")
				}
			case *ast.String:
				add(st, string(c.Value))
			case *ast.Emphasis:
				em := st
				if c.Level >= 2 {
					em.TextStyle.Bold = true
				} else {
					em.TextStyle.Italic = true
				}
				walk(c, em)
			case *ast.CodeSpan:
				code := widget.RichTextStyleCodeInline
				add(code, plainInline(c, w.src))
			case *ast.Link:
				add(linkStyle(st), plainInline(c, w.src))
			case *ast.AutoLink:
				add(linkStyle(st), string(c.Label(w.src)))
			case *ast.Image:
				add(styleCaption, "[Image: "+plainInline(c, w.src)+"]")
			case *east.FootnoteLink:
				add(styleCaption, "["+strconv.Itoa(c.Index)+"]")
			case *east.FootnoteBacklink, *ast.RawHTML:
			default:
				walk(c, st)
			}
		}
	}
	walk(n, base)
	return segs
}

// richChunk is the longest run of text one segment holds. Fyne's rich
// text wraps a segment by measuring ever shorter prefixes of it, which
// costs the square of its length: a very long paragraph is cut into
// segments of about this many bytes (at spaces), which flow on as one
// paragraph. Not shorter: where a segment starts in mid-line and its
// first word does not fit, Fyne breaks that word.
const richChunk = 1000

// chunkEnd is where the first segment's worth of s ends: after the last
// space within limit bytes (at least one word), or all of s when short.
func chunkEnd(s string, limit int) int {
	if len(s) <= limit {
		return len(s)
	}
	if limit < 1 {
		limit = 1
	}
	if i := strings.LastIndexByte(s[:limit], ' '); i >= 0 {
		return i + 1
	}
	if i := strings.IndexByte(s[limit:], ' '); i >= 0 {
		return limit + i + 1
	}
	return len(s)
}

// linkStyle is st drawn as a link, in the link colour. Links are
// text, not Fyne hyperlinks: the preview is for reading, a click should
// not leave the editor, and Fyne's hyperlink segment breaks the wrapping
// of the text after a long one.
func linkStyle(st widget.RichTextStyle) widget.RichTextStyle {
	st.ColorName = theme.ColorNameHyperlink
	return st
}

// lastText returns the last segment when it is text.
func lastText(segs []widget.RichTextSegment) (*widget.TextSegment, bool) {
	if len(segs) == 0 {
		return nil, false
	}
	t, ok := segs[len(segs)-1].(*widget.TextSegment)
	return t, ok
}

// endParagraph ends a run of inline segments as a paragraph.
func endParagraph(segs []widget.RichTextSegment) []widget.RichTextSegment {
	if len(segs) == 0 {
		return nil
	}
	return append(segs, text(widget.RichTextStyleParagraph, ""))
}

// trimParagraphEnd drops a trailing empty paragraph end (list items end
// their own lines).
func trimParagraphEnd(segs []widget.RichTextSegment) []widget.RichTextSegment {
	if t, ok := lastText(segs); ok && t.Text == "" && !t.Style.Inline && len(segs) > 1 {
		return segs[:len(segs)-1]
	}
	return segs
}

// plainInline is the text of n's inline children without markup.
func plainInline(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// previewPlain is the text of the blocks, one paragraph a line and a
// blank line between blocks: what the preview reads as, for tests and
// for copying.
func previewPlain(blocks []previewBlock) string {
	texts := make([]string, len(blocks))
	for i, b := range blocks {
		texts[i] = b.plain()
	}
	return strings.TrimRight(strings.Join(texts, "\n\n"), "\n")
}

// plain is the text of one block.
func (b previewBlock) plain() string {
	switch b.kind {
	case blockImage:
		return "[Image: " + b.caption + "]"
	case blockTable:
		var sb strings.Builder
		for r, row := range b.rows {
			if r > 0 {
				sb.WriteByte('\n')
			}
			for c, cell := range row {
				if c > 0 {
					sb.WriteString(" | ")
				}
				sb.WriteString(segmentsText(cell, ""))
			}
		}
		return sb.String()
	}
	return segmentsText(b.segs, "")
}

// segmentsText is the text of segs; indent starts each line of list items.
func segmentsText(segs []widget.RichTextSegment, indent string) string {
	var b strings.Builder
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
			for i, item := range s.Items {
				marker := "• "
				if s.Ordered {
					marker = strconv.Itoa(s.StartNumber()+i) + ". "
				}
				b.WriteString(indent + marker)
				if p, ok := item.(*widget.ParagraphSegment); ok {
					b.WriteString(strings.TrimRight(segmentsText(p.Texts, indent+"   "), "\n"))
				}
				b.WriteByte('\n')
			}
		case *widget.SeparatorSegment:
			b.WriteString("⁂\n")
		case *widget.TextSegment:
			b.WriteString(s.Text)
			if !s.Inline() && s.Text != "" {
				b.WriteByte('\n')
			}
		default:
			b.WriteString(s.Textual())
		}
	}
	return b.String()
}
