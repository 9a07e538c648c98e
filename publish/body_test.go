package publish

import (
	"strings"
	"testing"

	"newsroom/domain"
	"newsroom/internal/racedetect"
)

func renderSample(t *testing.T, body string) string {
	t.Helper()
	a := sampleArticle()
	a.Body = body
	out, err := RenderBody(&a)
	if err != nil {
		t.Fatalf("RenderBody: %v", err)
	}
	return out
}

func TestRenderBodyConventions(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		want    []string
		notWant []string
	}{
		{
			name: "quote figure with source credited",
			body: "Intro.\n\n{{quote harf}}\n\nAfter.",
			want: []string{
				`<figure class="quote"><blockquote><p>This trip is part of our ongoing effort to maintain direct lines of communication with senior Russian officials &lt;and&gt; to ensure US views are clearly conveyed.</p></blockquote><figcaption>— Marie Harf, State Department spokeswoman, in a written statement <span class="via">(source: <cite>US State Department</cite>)</span></figcaption></figure>`,
				"<p>Intro.</p>", "<p>After.</p>",
			},
			notWant: []string{"{{quote"},
		},
		{
			name:    "unknown quote is an inert visible note",
			body:    "{{quote nobody<script>}}",
			want:    []string{`<p class="missing-quote" role="note">Missing quote: no quote record is called “nobody&lt;script&gt;”.</p>`},
			notWant: []string{"<script>"},
		},
		{
			name:    "quote marker in a code block stays code",
			body:    "```\n{{quote harf}}\n```\n\n    {{quote harf}}",
			want:    []string{"<pre><code>{{quote harf}}\n</code></pre>"},
			notWant: []string{"<figure"},
		},
		{
			name: "quote marker in a list item",
			body: "- point\n\n  {{quote harf}}",
			want: []string{"<li>\n<p>point</p>\n<figure class=\"quote\">"},
		},
		{
			name: "quote marker inside a sentence stays text",
			body: "He said {{quote harf}} loudly.",
			want: []string{"<p>He said {{quote harf}} loudly.</p>"},
		},
		{
			name: "excerpt linked to its source",
			body: "> [!excerpt the guardian]\n> It will be his first trip.\n>\n> Second paragraph.",
			want: []string{
				`<figure class="excerpt"><figcaption><cite><a href="https://www.theguardian.com/world/2015/may/11/kerry-putin">The Guardian</a></cite> reports:</figcaption>` + "\n" +
					`<blockquote cite="https://www.theguardian.com/world/2015/may/11/kerry-putin">` + "\n<p>It will be his first trip.</p>\n<p>Second paragraph.</p>\n</blockquote></figure>",
			},
			notWant: []string{"[!excerpt"},
		},
		{
			name:    "excerpt keyword in any case",
			body:    "> [!Excerpt Reuters]\n> Iran will be discussed.",
			want:    []string{`<figure class="excerpt"><figcaption><cite><a href="https://www.reuters.com/">Reuters</a></cite> reports:`},
			notWant: []string{"[!Excerpt"},
		},
		{
			name:    "quote ref of two words is a missing quote",
			body:    "{{quote two words}}",
			want:    []string{`<p class="missing-quote" role="note">Missing quote: no quote record is called “two words”.</p>`},
			notWant: []string{"{{quote"},
		},
		{
			name:    "callout",
			body:    "> [!warning]\n> Roads are closed.",
			want:    []string{`<aside class="callout callout-warning"><p class="callout-label">Warning</p>` + "\n<p>Roads are closed.</p>\n</aside>"},
			notWant: []string{"[!warning]", "<blockquote>"},
		},
		{
			name:    "unknown alert stays a blockquote",
			body:    "> [!DANGER]\n> Text.",
			want:    []string{"<blockquote>\n<p>[!DANGER]"},
			notWant: []string{"<aside"},
		},
		{
			name:    "embed as a link card",
			body:    "{{embed https://www.youtube.com/watch?v=dQw4w9WgXcQ}}",
			want:    []string{`<figure class="embed"><a class="embed-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">Watch on YouTube: <span class="embed-url">https://www.youtube.com/watch?v=dQw4w9WgXcQ</span></a></figure>`},
			notWant: []string{"<iframe", "<script", "{{embed"},
		},
		{
			name:    "embed of a non-web address",
			body:    "{{embed javascript:alert(1)}}",
			want:    []string{`<p class="missing-embed" role="note">Embed: “javascript:alert(1)” is not a web address.</p>`},
			notWant: []string{"href=\"javascript"},
		},
		{
			name:    "footnote",
			body:    "Kerry arrives.[^1]\n\n[^1]: On Tuesday.",
			want:    []string{`<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`, `<li id="fn:1">`, "On Tuesday."},
			notWant: []string{"[^1]"},
		},
		{
			name:    "excerpt marker alone on its paragraph",
			body:    "> [!excerpt Reuters]\n>\n> Iran, Syria, Ukraine and other issues will be discussed.",
			want:    []string{`<cite><a href="https://www.reuters.com/">Reuters</a></cite> reports:`, "<p>Iran, Syria, Ukraine and other issues will be discussed.</p>\n</blockquote></figure>"},
			notWant: []string{"[!excerpt", "<p></p>"},
		},
		{
			name:    "excerpt of a source without http URL is not linked",
			body:    "> [!excerpt Interfax]\n> The issue would be raised.",
			want:    []string{`<figcaption><cite>Interfax</cite> reports:</figcaption>` + "\n<blockquote>\n<p>The issue would be raised.</p>"},
			notWant: []string{"javascript", "cite=\""},
		},
		{
			name: "excerpt of an unregistered source keeps the typed name",
			body: "> [!excerpt Daily <Planet>]\n> Text.",
			want: []string{`<cite>Daily &lt;Planet&gt;</cite> reports:`},
		},
		{
			name:    "ordinary blockquote untouched",
			body:    "> Just a quote.",
			want:    []string{"<blockquote>\n<p>Just a quote.</p>\n</blockquote>"},
			notWant: []string{"figure"},
		},
		{
			name:    "raw HTML omitted",
			body:    "<script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>\n\nInline <b onmouseover=\"x()\">tag</b>.",
			want:    []string{"<!-- raw HTML omitted -->", "<p>Inline <!-- raw HTML omitted -->tag<!-- raw HTML omitted -->.</p>"},
			notWant: []string{"<script", "onclick", "onmouseover", "<div"},
		},
		{
			name:    "javascript links neutralised",
			body:    "[a](javascript:alert(1)) <javascript:alert(2)> ![i](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c *d*](vbscript:x) [e](&#106;avascript:alert(5)) [f](java&#9;script:alert(6)) ![g](data:image/svg+xml,x) [ok](https://ok.example/ \"T&amp;C\") <https://auto.example/> <me@example.org>",
			want:    []string{"<p>a javascript:alert(2) i b c <em>d</em> e <a href=\"java%09script:alert(6)\">f</a> g ", `<a href="https://ok.example/" title="T&amp;C">ok</a>`, `<a href="https://auto.example/">https://auto.example/</a>`, `<a href="mailto:me@example.org">me@example.org</a>`},
			notWant: []string{`="javascript`, `="JaVaScRiPt`, `="vbscript`, `="data`, "<img", `href=""`},
		},
		{
			name: "GFM table, strikethrough and autolink",
			body: "| A | B |\n|---|---|\n| 1 | 2 |\n\n~~gone~~ see https://example.org/x.",
			want: []string{"<table>", "<th>A</th>", "<td>2</td>", "<del>gone</del>", `<a href="https://example.org/x">https://example.org/x</a>.`},
		},
		{
			name: "safe images load lazily",
			body: `![A *map* of Sochi](https://img.example/sochi.png "Sochi & region") ![empty]() ![rel](img/a.png) [rel](../other/#x)`,
			want: []string{`<img src="https://img.example/sochi.png" alt="A map of Sochi" title="Sochi &amp; region" loading="lazy"> empty <img src="img/a.png" alt="rel" loading="lazy"> <a href="../other/#x">rel</a>`},
		},
		{
			name: "quotes and dashes stay as typed",
			body: `"straight" 'single' -- ... “curly”`,
			want: []string{"&quot;straight&quot; 'single' -- ... “curly”"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderSample(t, tt.body)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q\n--- got:\n%s", w, got)
				}
			}
			for _, nw := range tt.notWant {
				if strings.Contains(got, nw) {
					t.Errorf("output contains %q\n--- got:\n%s", nw, got)
				}
			}
		})
	}
}

func TestRenderBodyReportsMissingQuotes(t *testing.T) {
	a := sampleArticle()
	a.Body = "{{quote harf}}\n\n{{quote ghost}}\n\n{{quote ghost2}}"
	_, missing, err := renderBody(&a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(missing, ",") != "ghost,ghost2" {
		t.Errorf("missing = %v, want [ghost ghost2]", missing)
	}
}

func TestRenderBodyErrors(t *testing.T) {
	if _, err := RenderBody(nil); err == nil {
		t.Error("RenderBody(nil) returned no error")
	}
	a := domain.Article{Slug: "x", Body: "bad \x00 byte \xff and \x01 control"}
	got, err := RenderBody(&a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(got, "\x00\x01") || !strings.Contains(got, "\uFFFD") {
		t.Errorf("control bytes not cleaned: %q", got)
	}
}

func longBody(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(loremBody(120, i))
		b.WriteString("\n\n> [!excerpt The Guardian]\n> An excerpt paragraph with *emphasis*.\n\n{{quote harf}}\n\n")
	}
	return b.String()[:n]
}

func TestRenderBodyLargeIsFast(t *testing.T) {
	a := sampleArticle()
	a.Body = longBody(60000)
	res := testing.Benchmark(func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := RenderBody(&a); err != nil {
				b.Fatal(err)
			}
		}
	})
	if per, budget := res.NsPerOp(), int64(100e6*racedetect.Slowdown); per > budget {
		t.Errorf("rendering a 60,000-character body took %d ms, over %d ms", per/1e6, budget/1e6)
	}
}

func BenchmarkRenderBody60000(b *testing.B) {
	a := sampleArticle()
	a.Body = longBody(60000)
	b.SetBytes(int64(len(a.Body)))
	for b.Loop() {
		if _, err := RenderBody(&a); err != nil {
			b.Fatal(err)
		}
	}
}
