package importer

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	spaceRun   = regexp.MustCompile(`[ \t\f\v\x{00a0}]+`)
	newlineRun = regexp.MustCompile(`\n{3,}`)
)

// plainText turns a fragment of HTML (a title, an excerpt, a comment) into
// plain text: tags dropped, entities decoded, a link's address kept after
// its text. With lines, line breaks and paragraphs are kept (a comment's
// text as its writer typed it); without, all white space becomes single
// spaces.
func plainText(fragment string, lines bool) string {
	if !strings.ContainsAny(fragment, "<&") {
		return tidyText(fragment, lines)
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(fragment))
	var href string
	linkStart := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return tidyText(b.String(), lines)
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Br:
				b.WriteString("\n")
			case atom.Td, atom.Th:
				b.WriteString(" ")
			case atom.Dt, atom.Dd, atom.Hr:
				b.WriteString("\n")
			default:
				if blockBoundary(tok.DataAtom) {
					b.WriteString("\n\n")
				}
			}
			switch tok.DataAtom {
			case atom.A:
				href, linkStart = attr(tok, "href"), b.Len()
			case atom.Script, atom.Style:
				z.Next() // raw text of the element: dropped
			}
		case html.EndTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Td, atom.Th:
				b.WriteString(" ")
			case atom.Dt, atom.Dd: // the next one's start breaks the line
			default:
				if blockBoundary(tok.DataAtom) {
					b.WriteString("\n\n")
				}
			}
			switch tok.DataAtom {
			case atom.A:
				text := strings.TrimSpace(b.String()[linkStart:])
				if href != "" && text != href && !strings.HasPrefix(href, "#") {
					b.WriteString(" (" + href + ")")
				}
				href = ""
			}
		}
	}
}

// blockBoundary reports elements that end a paragraph of text.
func blockBoundary(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Tr, atom.Table, atom.Pre, atom.Section, atom.Article, atom.Aside, atom.Header, atom.Footer,
		atom.Figure, atom.Figcaption, atom.Details, atom.Summary, atom.Address:
		return true
	}
	return false
}

func tidyText(s string, lines bool) string {
	if !lines {
		return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(spaceRun.ReplaceAllString(p, " "))
	}
	s = strings.Join(parts, "\n")
	return strings.TrimSpace(newlineRun.ReplaceAllString(s, "\n\n"))
}

func attr(tok html.Token, name string) string {
	for _, a := range tok.Attr {
		if a.Key == name {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
