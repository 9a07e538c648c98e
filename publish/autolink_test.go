package publish

import (
	"math/rand/v2"
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/markup"
)

// renderAlwaysLinkify renders a body the slow way, always with Linkify.
func renderAlwaysLinkify(t testing.TB, a *domain.Article) string {
	t.Helper()
	doc, err := markup.ParseLinkified(a)
	if err != nil {
		t.Fatal(err)
	}
	placeHeadings(doc.Root)
	var b strings.Builder
	if err := bodyRenderer.Render(&b, doc.Source, doc.Root); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// autolinkPieces are the Markdown an article body is built from in the
// tests below: plain prose, every kind of text Linkify links, near misses
// and constructs that hide URLs from it (code, links, HTML, conventions).
var autolinkPieces = []string{
	"The minister said talks would cover Iran.", "officials", "and", "*cautious*", "_tone_", "~~struck~~",
	"http://example.com", "https://news.example/a_b_c?x=1&y=2", "ftp://files.example/x", "www.example.org",
	"www.example.org/path_(x)", "(https://paren.example)", "*http://emph.example*", "_www.under.example_",
	"~https://tilde.example~", "ann@example.com", "mailto:ann@example.com", "a@b", "@handle", "user@host.co.uk.",
	"HTTP://UPPER.EXAMPLE", "Www.Example.com", "http:", "https:/half", "wwwexample", "http//no-colon.example",
	"`http://code.example`", "[a link](https://dest.example/)", "[www.in-label.example](https://x.example)",
	"[unclosed](https://open.example", "<https://angle.example>", "<ann@example.com>",
	"<a href=\"http://raw.example\">raw</a>", "\\http://escaped.example", "h\\ttp://split.example",
	"{{quote harf}}", "> [!excerpt The Guardian]\n> Reported http://g.example today.", "> quoted www.q.example",
	"| a | b |\n|---|---|\n| http://cell.example | ann@cell.example |", "- item https://list.example\n- two",
	"# Heading www.head.example", "    indented http://code-block.example", "```\nhttp://fence.example\n```",
	"line  \nbreak http://after-break.example", "“quoted https://curly.example”", "«www.guillemets.example»",
	"x\u00a0http://nbsp.example", "tab\thttp://tab.example",
}

func randomBody(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(12) {
		b.WriteString(autolinkPieces[r.IntN(len(autolinkPieces))])
		switch r.IntN(4) {
		case 0:
			b.WriteString("\n\n")
		case 1:
			b.WriteString("\n")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

// TestAutolinkShortcutRendersTheSame checks that skipping Linkify for
// bodies without linkable text never changes a page.
func TestAutolinkShortcutRendersTheSame(t *testing.T) {
	a := sampleArticle()
	bodies := append([]string{a.Body, loremBody(600, 1)}, autolinkPieces...)
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		bodies = append(bodies, randomBody(r))
	}
	skipped := 0
	for _, body := range bodies {
		a.Body = body
		got, _, err := renderBody(&a)
		if err != nil {
			t.Fatal(err)
		}
		if doc, err := markup.Parse(&a); err == nil && doc.Unlinkified {
			skipped++
		}
		if want := renderAlwaysLinkify(t, &a); got != want {
			t.Fatalf("body %q\nrenders as %q\nwith Linkify always on: %q", body, got, want)
		}
	}
	if skipped < len(bodies)/20 {
		t.Errorf("the shortcut was taken for only %d of %d bodies", skipped, len(bodies))
	}
}

func FuzzAutolinkShortcut(f *testing.F) {
	for _, p := range autolinkPieces {
		f.Add(p)
	}
	a := sampleArticle()
	f.Fuzz(func(t *testing.T, body string) {
		a := a
		a.Body = body
		got, _, err := renderBody(&a)
		if err != nil {
			t.Fatal(err)
		}
		if want := renderAlwaysLinkify(t, &a); got != want {
			t.Fatalf("body %q\nrenders as %q\nwith Linkify always on: %q", body, got, want)
		}
	})
}
