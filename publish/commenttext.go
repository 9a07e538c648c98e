package publish

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// commentURL finds http(s) URLs in comment text.
var commentURL = regexp.MustCompile(`(?i)\bhttps?://[^\s<>"'` + "`" + `]+`)

// commentHTML renders a reader's comment, which is plain text, as HTML:
// blank lines separate paragraphs, line breaks are kept, http(s) URLs
// become links with rel="nofollow ugc", and everything else is escaped.
func commentHTML(body string) template.HTML {
	var b strings.Builder
	for _, para := range splitParagraphs(cleanText(body)) {
		b.WriteString("<p>")
		for i, line := range strings.Split(para, "\n") {
			if i > 0 {
				b.WriteString("<br>\n")
			}
			writeLinkified(&b, line)
		}
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}

// writeLinkified writes one line of plain text escaped, with its http(s)
// URLs linked.
func writeLinkified(b *strings.Builder, line string) {
	last := 0
	for _, loc := range commentURL.FindAllStringIndex(line, -1) {
		start, end := loc[0], loc[1]
		end = start + len(trimURLTail(line[start:end]))
		href, ok := httpURL(line[start:end])
		if !ok {
			continue
		}
		b.WriteString(html.EscapeString(line[last:start]))
		b.WriteString(`<a href="`)
		b.WriteString(html.EscapeString(href))
		b.WriteString(`" rel="nofollow ugc">`)
		b.WriteString(html.EscapeString(line[start:end]))
		b.WriteString("</a>")
		last = end
	}
	b.WriteString(html.EscapeString(line[last:]))
}

// trimURLTail drops sentence punctuation that follows a URL in prose, and
// a closing bracket that has no opening one inside the URL.
func trimURLTail(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?*'\"", c) >= 0:
			u = u[:len(u)-1]
		case c == ')' && strings.Count(u, "(") < strings.Count(u, ")"),
			c == ']' && strings.Count(u, "[") < strings.Count(u, "]"):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}
