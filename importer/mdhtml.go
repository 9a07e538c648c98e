package importer

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"

	"newsroom/markup"
)

// convertMarkdownBody carries a Markdown body's foreign constructs over to
// ours: see rewriteLines for shortcodes and Liquid, convertRawHTML for raw
// HTML. firstLine is the body's first line in the file; the warnings are
// at file lines.
func convertMarkdownBody(body string, firstLine int) (string, []lineWarning) {
	if !strings.ContainsAny(body, "{<") {
		return body, nil
	}
	lines, srcLines, warns := rewriteLines(body, firstLine)
	out := strings.Join(lines, "\n")
	if strings.Contains(out, "<") {
		var more []lineWarning
		out, more = convertRawHTML(out, srcLines)
		warns = append(warns, more...)
	}
	sort.SliceStable(warns, func(i, j int) bool { return warns[i].line < warns[j].line })
	return out, warns
}

// sharedConverter is the HTML → Markdown converter WordPress bodies use,
// shared by Markdown files' raw HTML.
var (
	sharedConverterOnce sync.Once
	sharedConverterMu   sync.Mutex
	sharedConverter     *bodyConverter
)

func htmlToMarkdown(fragment string) (string, []string) {
	sharedConverterOnce.Do(func() { sharedConverter = newBodyConverter() })
	sharedConverterMu.Lock()
	defer sharedConverterMu.Unlock()
	return sharedConverter.fragment(fragment)
}

type textEdit struct {
	start, stop int
	repl        string
}

// wrapperTags are block elements that, opened alone on a line before
// Markdown text, only wrap it (kramdown's <div class="notice">, Hugo's
// <section>): the tags go, the Markdown stays.
var wrapperTags = map[string]bool{"div": true, "section": true, "article": true, "aside": true, "header": true,
	"footer": true, "main": true, "nav": true, "center": true, "span": true}

var openTagRE = regexp.MustCompile(`^\s*<(/?)([a-zA-Z][\w-]*)([^>]*)>`)

// htmlConv is one body's raw HTML conversion.
type htmlConv struct {
	src      []byte
	srcLines []int
	starts   []int // byte offset of each line
	edits    []textEdit
	warns    []lineWarning
	anchors  []string // hrefs of open inline <a> tags
}

// convertRawHTML converts the raw HTML of a Markdown body with the
// converter WordPress bodies use: HTML blocks become Markdown (tables,
// figures, lists, embeds), wrapper tags around Markdown go, inline tags
// map to emphasis, code, links and images, or are dropped keeping their
// text; what cannot be carried is kept as visible text. srcLines maps
// the body's lines to file lines.
func convertRawHTML(body string, srcLines []int) (string, []lineWarning) {
	c := &htmlConv{src: []byte(body), srcLines: srcLines, starts: []int{0}}
	for i, ch := range c.src {
		if ch == '\n' {
			c.starts = append(c.starts, i+1)
		}
	}
	doc := markup.ParseForeign(c.src)
	var children []ast.Node
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		children = append(children, n)
	}
	skipUntil := 0
	closers := map[int]bool{} // start offsets of wrapper closing tags to drop
	for i, n := range children {
		start, stop, ok := nodeRange(n)
		if ok && start < skipUntil {
			continue
		}
		hb, isHTML := n.(*ast.HTMLBlock)
		if !isHTML {
			c.inline(n)
			continue
		}
		if closers[start] {
			c.edits = append(c.edits, textEdit{start, stop, ""})
			continue
		}
		skipUntil = c.block(hb, start, stop, children[i+1:], closers)
	}
	return c.apply(), c.warns
}

// block converts one top-level HTML block and returns the offset up to
// which following blocks were taken into it.
func (c *htmlConv) block(hb *ast.HTMLBlock, start, stop int, next []ast.Node, closers map[int]bool) int {
	chunk := string(c.src[start:stop])
	if hb.HTMLBlockType == ast.HTMLBlockType2 { // <!-- comment -->
		c.edits = append(c.edits, textEdit{start, stop, ""})
		return stop
	}
	m := openTagRE.FindStringSubmatch(chunk)
	if m == nil {
		c.edits = append(c.edits, textEdit{start, stop, c.convert(chunk, start)})
		return stop
	}
	name := strings.ToLower(m[2])
	if m[1] == "/" { // a closing tag whose opening was dropped or never there
		c.edits = append(c.edits, textEdit{start, stop, ""})
		return stop
	}
	end := c.balancedEnd(start, name)
	onlyOpen := strings.TrimSpace(chunk) == strings.TrimSpace(m[0])
	markdownInside := strings.Contains(strings.ToLower(m[3]), "markdown=")
	nextIsMarkdown := len(next) > 0 && next[0].Kind() != ast.KindHTMLBlock && next[0].Kind() != ast.KindCodeBlock
	if wrapperTags[name] && (markdownInside || (onlyOpen && nextIsMarkdown)) {
		c.warn(start, fmt.Sprintf("the HTML %s around this text was removed; its text is kept as Markdown", strings.TrimSpace(m[0])))
		if end < 0 {
			c.edits = append(c.edits, textEdit{start, start + len(m[0]), ""})
			return stop
		}
		closeStart := c.closingTagStart(end, name)
		if onlyOpen {
			c.edits = append(c.edits, textEdit{start, stop, ""})
			closers[c.lineStart(closeStart)] = true
			c.edits = append(c.edits, textEdit{closeStart, end, ""})
			return stop
		}
		// opener, Markdown and closer in one block
		inner := string(c.src[start+len(m[0]) : closeStart])
		c.edits = append(c.edits, textEdit{start, end, strings.Trim(inner, "\n")})
		return end
	}
	if end < stop {
		end = stop
	}
	c.edits = append(c.edits, textEdit{start, end, c.convert(string(c.src[start:end]), start)})
	return end
}

// balancedEnd finds the end of the element opened at start (after its
// closing tag, to the end of that line), counting nested elements of the
// same name; -1 when it is never closed.
func (c *htmlConv) balancedEnd(start int, name string) int {
	re := tagRE(name)
	depth := 0
	for _, loc := range re.FindAllSubmatchIndex(c.src[start:], -1) {
		closing := loc[3] > loc[2]
		if closing {
			depth--
		} else if !strings.HasSuffix(string(c.src[start+loc[0]:start+loc[1]]), "/>") {
			depth++
		}
		if depth == 0 {
			end := start + loc[1]
			for end < len(c.src) && c.src[end] != '\n' {
				end++
			}
			return end
		}
	}
	return -1
}

// closingTagStart is where the closing tag ending before end starts.
func (c *htmlConv) closingTagStart(end int, name string) int {
	i := strings.LastIndex(strings.ToLower(string(c.src[:end])), "</"+name)
	if i < 0 {
		return end
	}
	return i
}

func (c *htmlConv) lineStart(off int) int {
	i := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off }) - 1
	return c.starts[max(i, 0)]
}

var tagREs sync.Map

func tagRE(name string) *regexp.Regexp {
	if re, ok := tagREs.Load(name); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(`(?i)<(/?)` + regexp.QuoteMeta(name) + `\b[^>]*>`)
	tagREs.Store(name, re)
	return re
}

// convert turns an HTML block into Markdown, warning about what it could
// not carry.
func (c *htmlConv) convert(fragment string, at int) string {
	md, warns := htmlToMarkdown(fragment)
	for _, w := range warns {
		c.warn(at, w)
	}
	if strings.TrimSpace(md) == "" && strings.TrimSpace(plainText(fragment, false)) != "" {
		c.warn(at, "an HTML block could not be converted: kept as text")
		return html.EscapeString(fragment)
	}
	return md
}

func (c *htmlConv) warn(off int, msg string) {
	line := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off }) - 1
	n := 0
	if line >= 0 && line < len(c.srcLines) {
		n = c.srcLines[line]
	}
	c.warns = append(c.warns, lineWarning{n, msg})
}

// inline rewrites the raw HTML inside a (non-HTML) block.
func (c *htmlConv) inline(n ast.Node) {
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.CodeSpan, *ast.CodeBlock, *ast.FencedCodeBlock:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock: // inside a list or a quote
			for i := 0; i < t.Lines().Len(); i++ {
				seg := t.Lines().At(i)
				c.edits = append(c.edits, textEdit{seg.Start, seg.Stop, strings.ReplaceAll(string(seg.Value(c.src)), "<", "&lt;")})
			}
			c.warn(t.Lines().At(0).Start, "HTML inside a list or a quote cannot be carried: kept as text")
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if t.Segments.Len() == 0 {
				return ast.WalkContinue, nil
			}
			start, stop := t.Segments.At(0).Start, t.Segments.At(t.Segments.Len()-1).Stop
			c.edits = append(c.edits, textEdit{start, stop, c.inlineTag(string(c.src[start:stop]), start, inTableCell(t))})
		}
		return ast.WalkContinue, nil
	})
}

// inlineMarks maps inline tags to Markdown delimiters.
var inlineMarks = map[string]string{"em": "*", "i": "*", "var": "*", "dfn": "*", "cite": "*",
	"strong": "**", "b": "**", "del": "~~", "s": "~~", "strike": "~~", "code": "`", "kbd": "`", "samp": "`", "tt": "`"}

// droppedTags lose their formatting but keep their text; warned names
// carried meaning a reader would miss.
var droppedTags = map[string]bool{"span": false, "font": false, "small": false, "big": false, "time": false, "bdi": false,
	"bdo": false, "wbr": false, "nobr": false, "q": false, "sub": true, "sup": true, "mark": true, "u": true, "ins": true,
	"abbr": true, "acronym": true}

// inlineTag rewrites one inline HTML tag.
func (c *htmlConv) inlineTag(tag string, at int, inCell bool) string {
	if strings.HasPrefix(tag, "<!--") {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(tag))
	tt := z.Next()
	tok := z.Token()
	name := strings.ToLower(tok.Data)
	closing := tt == html.EndTagToken
	if tt == html.ErrorToken || (tt != html.StartTagToken && tt != html.EndTagToken && tt != html.SelfClosingTagToken) {
		c.warn(at, fmt.Sprintf("the HTML %s cannot be carried: kept as text", tag))
		return html.EscapeString(tag)
	}
	if mark, ok := inlineMarks[name]; ok {
		return mark
	}
	if warn, ok := droppedTags[name]; ok {
		if warn && !closing {
			c.warn(at, fmt.Sprintf("the formatting of <%s> is not carried; its text is kept", name))
		}
		return ""
	}
	switch name {
	case "br":
		if inCell {
			return " "
		}
		return "\\\n"
	case "a":
		if closing {
			if len(c.anchors) == 0 {
				return ""
			}
			href := c.anchors[len(c.anchors)-1]
			c.anchors = c.anchors[:len(c.anchors)-1]
			if href == "" {
				return ""
			}
			return "](" + markdownURL(href) + ")"
		}
		href := attr(tok, "href")
		c.anchors = append(c.anchors, href)
		if href == "" {
			return ""
		}
		return "["
	case "img":
		src := attr(tok, "src")
		if src == "" {
			c.warn(at, "an <img> without an address was dropped")
			return ""
		}
		return fmt.Sprintf("![%s](%s)", escapeBrackets(attr(tok, "alt")), markdownURL(src))
	}
	c.warn(at, fmt.Sprintf("the HTML %s cannot be carried: kept as text", tag))
	return html.EscapeString(tag)
}

// markdownURL writes u as a Markdown link destination.
func markdownURL(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

func inTableCell(n ast.Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == east.KindTableCell {
			return true
		}
	}
	return false
}

// nodeRange is the byte range of a block's lines (of its descendants'
// lines for containers).
func nodeRange(n ast.Node) (start, stop int, ok bool) {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		l := n.Lines()
		start, stop, ok = l.At(0).Start, l.At(l.Len()-1).Stop, true
		if hb, isHTML := n.(*ast.HTMLBlock); isHTML && hb.HasClosure() {
			stop = hb.ClosureLine.Stop
		}
	}
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if ch.Type() != ast.TypeBlock {
			continue
		}
		if s, e, has := nodeRange(ch); has {
			if !ok || s < start {
				start = s
			}
			if !ok || e > stop {
				stop = e
			}
			ok = true
		}
	}
	return start, stop, ok
}

// apply makes the edits (non-overlapping, any order) to the body.
func (c *htmlConv) apply() string {
	if len(c.edits) == 0 {
		return string(c.src)
	}
	sort.SliceStable(c.edits, func(i, j int) bool { return c.edits[i].start < c.edits[j].start })
	var b strings.Builder
	pos := 0
	for _, e := range c.edits {
		if e.start < pos {
			continue // inside an earlier edit
		}
		b.Write(c.src[pos:e.start])
		b.WriteString(e.repl)
		pos = e.stop
	}
	b.Write(c.src[pos:])
	return b.String()
}
