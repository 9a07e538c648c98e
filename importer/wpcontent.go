package importer

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodyConverter turns WordPress post content (classic or Gutenberg HTML)
// into the Markdown of an article body.
type bodyConverter struct {
	conv *converter.Converter
}

func newBodyConverter() *bodyConverter {
	return &bodyConverter{conv: converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(commonmark.WithListEndComment(false)),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(
			table.WithHeaderPromotion(true),
			table.WithNewlineBehavior(table.NewlineBehaviorPreserve),
			table.WithSkipEmptyRows(true),
		),
	))}
}

// Markdown converts content. WordPress's own rules are applied first:
// [caption] and media shortcodes are unwrapped, classic content gets its
// blank-line paragraphs (wpautop), Gutenberg block comments are dropped,
// media players become links so they are not lost, and a blockquote's
// <cite> becomes an attribution line.
func (bc *bodyConverter) Markdown(content string) (string, error) {
	if strings.TrimSpace(content) == "" {
		return "", nil
	}
	content = expandShortcodes(content)
	if !strings.Contains(content, "<!-- wp:") {
		content = autop(content)
	}
	out, _, err := bc.convert(content)
	return out, err
}

// fragment converts a Markdown file's HTML block, returning what it could
// not carry as warnings.
func (bc *bodyConverter) fragment(content string) (string, []string) {
	out, warns, err := bc.convert(content)
	if err != nil {
		return "", append(warns, fmt.Sprintf("an HTML block could not be converted (%v)", err))
	}
	return out, warns
}

// convert parses content, prepares it (htmlRewrite.rewrite) and converts
// it; embeds come out as embed blocks.
func (bc *bodyConverter) convert(content string) (string, []string, error) {
	doc, err := html.Parse(strings.NewReader(content))
	if err != nil {
		return "", nil, fmt.Errorf("parse HTML: %w", err)
	}
	rw := &htmlRewrite{}
	rw.rewrite(doc)
	md, err := bc.conv.ConvertNode(doc)
	if err != nil {
		return "", rw.warnings, err
	}
	out := strings.TrimSpace(newlineRun.ReplaceAllString(string(md), "\n\n"))
	for i, u := range rw.embeds {
		out = strings.Replace(out, embedPlaceholder(i), embedBlock(u), 1)
	}
	return out, rw.warnings, nil
}

// embedPlaceholder stands for the i-th embed block while the converter
// runs (so it does not escape the address).
func embedPlaceholder(i int) string { return fmt.Sprintf("NEWSROOMEMBEDBLOCK%dX", i) }

// htmlRewrite collects what its rewrite found: embed addresses
// and warnings.
type htmlRewrite struct {
	embeds   []string
	warnings []string
}

var (
	captionWithImage = regexp.MustCompile(`(?s)\[caption[^\]]*\]\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)\s*(.*?)\s*\[/caption\]`)
	captionAny       = regexp.MustCompile(`(?s)\[caption[^\]]*\](.*?)\[/caption\]`)
	embedShortcode   = regexp.MustCompile(`(?s)\[embed[^\]]*\]\s*(\S+?)\s*\[/embed\]`)
	mediaShortcode   = regexp.MustCompile(`\[(video|audio|playlist)\b([^\]]*)\](?:\[/(?:video|audio|playlist)\])?`)
	shortcodeSrc     = regexp.MustCompile(`\b(?:src|mp4|m4v|webm|ogv|wmv|flv|mp3|m4a|ogg|wav)=["']([^"']+)["']`)
	shortcodeBareURL = regexp.MustCompile(`(?:^|\s)(https?://\S+)`)
)

// expandShortcodes rewrites the shortcodes whose content would otherwise
// be lost: [caption] keeps its image and caption, [embed], [video] and
// [audio] become links. Others ([gallery], …) stay as text.
func expandShortcodes(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	s = captionWithImage.ReplaceAllString(s, "<figure>$1<figcaption>$2</figcaption></figure>")
	s = captionAny.ReplaceAllString(s, "$1")
	s = embedShortcode.ReplaceAllStringFunc(s, func(m string) string {
		u := embedShortcode.FindStringSubmatch(m)[1]
		return mediaLinkHTML(mediaLabel("iframe", u), u)
	})
	s = mediaShortcode.ReplaceAllStringFunc(s, func(m string) string {
		parts := mediaShortcode.FindStringSubmatch(m)
		src := shortcodeSrc.FindStringSubmatch(parts[2])
		if src == nil {
			src = shortcodeBareURL.FindStringSubmatch(parts[2])
		}
		if src == nil {
			return m
		}
		return mediaLinkHTML(mediaLabel(parts[1], src[1]), src[1])
	})
	return s
}

func mediaLinkHTML(label, u string) string {
	esc := html.EscapeString(u)
	return fmt.Sprintf(`<p><a href="%s">%s: %s</a></p>`, esc, label, esc)
}

// blockStart matches the tags that open a block, where wpautop adds no <p>.
var blockStart = regexp.MustCompile(`(?i)^<(?:!--|/?(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|script|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)\b)`)

var blankLine = regexp.MustCompile(`\n[ \t]*\n`)

// autop is a small wpautop: classic WordPress content separates
// paragraphs with blank lines and lines with single newlines. Text between
// blank lines becomes a <p>, its newlines <br>; blocks that already are
// HTML blocks are left alone, and <pre> is never split.
func autop(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	chunks := blankLine.Split(s, -1)
	var b strings.Builder
	for i := 0; i < len(chunks); i++ {
		chunk := chunks[i]
		// keep a <pre> with blank lines in one piece
		for openPre(chunk) && i+1 < len(chunks) {
			i++
			chunk += "\n\n" + chunks[i]
		}
		t := strings.TrimSpace(chunk)
		if t == "" {
			continue
		}
		if blockStart.MatchString(t) {
			b.WriteString(t)
		} else {
			b.WriteString("<p>" + strings.ReplaceAll(t, "\n", "<br>\n") + "</p>")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

func openPre(s string) bool {
	l := strings.ToLower(s)
	return strings.Count(l, "<pre") > strings.Count(l, "</pre")
}

// rewrite prepares the parsed content for the converter: it drops
// comments (Gutenberg's <!-- wp:… -->), turns YouTube and Vimeo players
// into embed blocks and other media players into links, scripts and
// styles into code (kept visible, warned), and a blockquote's <cite> into
// an attribution paragraph.
func (rw *htmlRewrite) rewrite(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && isMedia(c.DataAtom):
			if u, ok := videoPage(mediaURL(c)); ok {
				p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
				p.AppendChild(&html.Node{Type: html.TextNode, Data: embedPlaceholder(len(rw.embeds))})
				rw.embeds = append(rw.embeds, u)
				n.InsertBefore(p, c)
			} else {
				if c.DataAtom == atom.Iframe || c.DataAtom == atom.Object || c.DataAtom == atom.Embed {
					rw.warnings = append(rw.warnings, fmt.Sprintf("an embedded <%s> (%s) cannot be carried: turned into a link", c.Data, mediaURL(c)))
				}
				n.InsertBefore(mediaLinkNode(c), c)
			}
			n.RemoveChild(c)
		case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style):
			// Never run on our pages, and not words a reader reads.
			rw.warnings = append(rw.warnings, fmt.Sprintf("a <%s> was dropped: pages never run scripts or carry styles", c.Data))
			n.RemoveChild(c)
		case c.Type == html.ElementNode && unsupportedElement(c.DataAtom):
			rw.warnings = append(rw.warnings, fmt.Sprintf("a <%s> cannot be carried: only its text is kept", c.Data))
			rw.rewrite(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Cite && insideBlockquote(c):
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			p.AppendChild(&html.Node{Type: html.TextNode, Data: "— "})
			trimBreaks(c)
			for k := c.FirstChild; k != nil; {
				kn := k.NextSibling
				c.RemoveChild(k)
				p.AppendChild(k)
				k = kn
			}
			n.InsertBefore(p, c)
			n.RemoveChild(c)
			rw.rewrite(p)
		default:
			rw.rewrite(c)
		}
		c = next
	}
}

// unsupportedElement reports elements whose function a page of ours does
// not carry (forms, drawings).
func unsupportedElement(a atom.Atom) bool {
	switch a {
	case atom.Form, atom.Input, atom.Button, atom.Select, atom.Textarea, atom.Svg, atom.Canvas, atom.Math:
		return true
	}
	return false
}

// videoPage turns a YouTube or Vimeo player address into the video's
// page, the address an embed block takes.
func videoPage(u string) (string, bool) {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return "", false
	}
	host := strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
	parts := strings.Split(strings.Trim(p.Path, "/"), "/")
	switch host {
	case "youtube.com", "youtube-nocookie.com", "m.youtube.com":
		if len(parts) == 2 && (parts[0] == "embed" || parts[0] == "v" || parts[0] == "shorts") && parts[1] != "" {
			return "https://www.youtube.com/watch?v=" + parts[1], true
		}
		if parts[0] == "watch" && p.Query().Get("v") != "" {
			return "https://www.youtube.com/watch?v=" + p.Query().Get("v"), true
		}
	case "youtu.be":
		if len(parts) == 1 && parts[0] != "" {
			return "https://www.youtube.com/watch?v=" + parts[0], true
		}
	case "player.vimeo.com":
		if len(parts) == 2 && parts[0] == "video" && parts[1] != "" {
			return "https://vimeo.com/" + parts[1], true
		}
	case "vimeo.com":
		if len(parts) == 1 && parts[0] != "" {
			return "https://vimeo.com/" + parts[0], true
		}
	}
	return "", false
}

// trimBreaks removes <br> and blank text at both ends of n's children.
func trimBreaks(n *html.Node) {
	blank := func(k *html.Node) bool {
		return k != nil && (k.DataAtom == atom.Br || (k.Type == html.TextNode && strings.TrimSpace(k.Data) == ""))
	}
	for blank(n.FirstChild) {
		n.RemoveChild(n.FirstChild)
	}
	for blank(n.LastChild) {
		n.RemoveChild(n.LastChild)
	}
}

func isMedia(a atom.Atom) bool {
	switch a {
	case atom.Video, atom.Audio, atom.Iframe, atom.Embed, atom.Object:
		return true
	}
	return false
}

func insideBlockquote(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Blockquote {
			return true
		}
	}
	return false
}

// mediaLinkNode is the link that stands for a media element: "[Video:
// URL](URL)", or a note when the element names no address.
func mediaLinkNode(n *html.Node) *html.Node {
	u := mediaURL(n)
	label := mediaLabel(n.Data, u)
	if u == "" {
		return &html.Node{Type: html.TextNode, Data: "[" + label + " without an address]"}
	}
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A,
		Attr: []html.Attribute{{Key: "href", Val: u}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: label + ": " + u})
	return a
}

// mediaURL finds the address a media element plays: src, data, a
// <source> or a <param name="movie">.
func mediaURL(n *html.Node) string {
	for _, key := range []string{"src", "data"} {
		if v := nodeAttr(n, key); v != "" {
			return v
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch {
		case c.DataAtom == atom.Source || c.DataAtom == atom.Embed:
			if v := nodeAttr(c, "src"); v != "" {
				return v
			}
		case c.DataAtom == atom.Param && strings.EqualFold(nodeAttr(c, "name"), "movie"):
			if v := nodeAttr(c, "value"); v != "" {
				return v
			}
		}
		if v := mediaURL(c); v != "" {
			return v
		}
	}
	return ""
}

// mediaLabel says what a media element is: Video, Audio or Embed (an
// iframe from a known video site is a Video).
func mediaLabel(tag, u string) string {
	switch tag {
	case "video", "playlist":
		return "Video"
	case "audio":
		return "Audio"
	}
	host := ""
	if p, err := url.Parse(u); err == nil {
		host = strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
	}
	for _, v := range []string{"youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "player.vimeo.com", "videopress.com", "wordpress.tv", "dailymotion.com", "ted.com"} {
		if host == v || strings.HasSuffix(host, "."+v) {
			return "Video"
		}
	}
	for _, v := range []string{"soundcloud.com", "spotify.com", "mixcloud.com"} {
		if host == v || strings.HasSuffix(host, "."+v) {
			return "Audio"
		}
	}
	return "Embed"
}

func nodeAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
