package importer

import (
	"fmt"
	"strings"
	"testing"
)

// TestMarkdownBodyCarriesForeignConstructs runs real-site shapes through
// the Markdown body conversion: each construct is either carried (want)
// or kept visible and warned about at its file line.
func TestMarkdownBodyCarriesForeignConstructs(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		want     []string // in the output
		notWant  []string
		warnings []string // "line: text" fragments
	}{
		{
			name: "notice div around markdown (kramdown)",
			body: "Intro.\n\n<div class=\"notice\">\n\n**Careful:** this matters.\n\n</div>\n\nAfter.\n",
			want: []string{"**Careful:** this matters.", "Intro.", "After."}, notWant: []string{"<div", "</div>"},
			warnings: []string{"12: the HTML <div class=\"notice\"> around this text was removed"},
		},
		{
			name: "div with markdown attribute in one block",
			body: "<div markdown=\"1\">\n*Inside* text\n</div>\n",
			want: []string{"*Inside* text"}, notWant: []string{"<div", "\\*Inside"},
		},
		{
			name: "figure and youtube iframe",
			body: "<figure><img src=\"/a.png\" alt=\"A chart\"><figcaption>Sales</figcaption></figure>\n\n<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" allowfullscreen></iframe>\n\n<iframe src=\"https://player.vimeo.com/video/76979871\"></iframe>\n",
			want: []string{"![A chart](/a.png)", "Sales", "{{embed https://www.youtube.com/watch?v=dQw4w9WgXcQ}}", "{{embed https://vimeo.com/76979871}}"},
		},
		{
			name: "indented table with a blank line stays one table",
			body: "<table>\n  <tr>\n    <th>Name</th><th>Value</th>\n  </tr>\n\n    <tr>\n      <td>a</td><td>1</td>\n    </tr>\n</table>\n\nAfter the table.\n",
			want: []string{"| Name | Value |", "| a ", "After the table."}, notWant: []string{"<td>", "<tr>"},
		},
		{
			name:     "inline tags",
			body:     "Press <kbd>Ctrl</kbd>+<kbd>S</kbd>, water is H<sub>2</sub>O, <mark>marked</mark>, <b>bold</b>, <a href=\"https://e.com/x\">a link</a>,<br>next <img src=\"/i.png\" alt=\"icon\"> and <blink>old</blink>.\n",
			want:     []string{"`Ctrl`+`S`", "H2O", "marked", "**bold**", "[a link](https://e.com/x)", "\\\nnext", "![icon](/i.png)", "&lt;blink&gt;old&lt;/blink&gt;"},
			warnings: []string{"10: the formatting of <sub>", "10: the formatting of <mark>", "10: the HTML <blink> cannot be carried"},
		},
		{
			name: "script dropped and said",
			body: "Text.\n\n<script>alert(1)</script>\n",
			want: []string{"Text."}, notWant: []string{"alert"},
			warnings: []string{"12: a <script> was dropped"},
		},
		{
			name: "hugo shortcodes",
			body: "{{< figure src=\"/p.jpg\" alt=\"Photo\" caption=\"The caption\" >}}\n\n{{< youtube w7Ft2ymGmfc >}}\n\n{{< vimeo id=\"146022717\" >}}\n\nSee [the guide]({{< ref \"docs/guide/_index.md#setup\" >}}) and [this]({{< relref \"posts/2020-01-02-my-post.md\" >}}).\n\n{{< gist spf13 7896402 >}}\n\n{{< tweet user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n\n{{% notice tip %}}\nA tip.\n{{% /notice %}}\n\nEscaped: `{{</* figure src=\"x\" */>}}`\n",
			want: []string{"![Photo](/p.jpg \"The caption\")", "{{embed https://www.youtube.com/watch?v=w7Ft2ymGmfc}}", "{{embed https://vimeo.com/146022717}}",
				"[the guide](/guide/#setup)", "[this](/my-post/)", "{{embed https://gist.github.com/spf13/7896402}}",
				"{{embed https://x.com/SanDiegoZoo/status/1453110110599868418}}", "```go\nfunc main() {}\n```", "{{% notice tip %}}", "`{{< figure src=\"x\" >}}`"},
			notWant:  []string{"%7B"},
			warnings: []string{"26: the Hugo shortcode {{% notice tip %}} is not known here", "28: the Hugo shortcode {{% /notice %}} is not known here"},
		},
		{
			name:     "liquid",
			body:     "{% raw %}{{ not.a.variable }}{% endraw %}\n\nSite: {{ site.url }}\n\n{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n{% include note.html %}\n\nSee {% post_url 2010-07-21-name %}.\n",
			want:     []string{"{{ not.a.variable }}", "{{ site.url }}", "```ruby\nputs 1\n```", "{% include note.html %}", "See /name/."},
			notWant:  []string{"{% raw", "endraw"},
			warnings: []string{"12: the template expression {{ site.url }} cannot be carried", "18: the Liquid tag {% include note.html %} cannot be carried"},
		},
		{
			name:     "kramdown attribute lists",
			body:     "A paragraph.\n{: .notice--info}\n\n![img](/x.png){: .align-center}\n",
			want:     []string{"A paragraph.", "![img](/x.png)"},
			notWant:  []string{"{:"},
			warnings: []string{"11: the kramdown attribute list {: .notice--info} was removed", "13: the kramdown attribute list {: .align-center} was removed"},
		},
		{
			name: "footnotes, alerts and our own blocks pass untouched",
			body: "Claim.[^1]\n\n> [!NOTE]\n> Useful.\n\n{{quote harf}}\n\n[^1]: The source.\n",
			want: []string{"Claim.[^1]", "> [!NOTE]", "{{quote harf}}", "[^1]: The source."},
		},
		{
			name: "code is left alone",
			body: "```html\n<div>{{< youtube x >}}</div>\n```\n\n    <p>indented code</p>\n\nInline `<b>` code.\n",
			want: []string{"```html\n<div>{{< youtube x >}}</div>\n```", "    <p>indented code</p>", "`<b>`"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns := convertMarkdownBody(tt.body, 10)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(got, w) {
					t.Errorf("output has %q:\n%s", w, got)
				}
			}
			var ws []string
			for _, w := range warns {
				ws = append(ws, fmt.Sprintf("%d: %s", w.line, w.msg))
			}
			all := strings.Join(ws, "\n")
			for _, w := range tt.warnings {
				if !strings.Contains(all, w) {
					t.Errorf("warnings lack %q:\n%s", w, all)
				}
			}
			if len(tt.warnings) == 0 && len(warns) > 0 && !strings.Contains(tt.name, "div") {
				t.Errorf("unexpected warnings:\n%s", all)
			}
		})
	}
}

// BenchmarkConvertMarkdownBody converts a 40 KB body with raw HTML,
// shortcodes and Liquid in every few paragraphs.
func BenchmarkConvertMarkdownBody(b *testing.B) {
	var body strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&body, "Paragraph %d with **bold** and a [link](https://example.com/%d). Lorem ipsum dolor sit amet, consectetuer adipiscing elit, sed diam nonummy nibh euismod tincidunt.\n\n", i, i)
		switch i % 6 {
		case 0:
			body.WriteString("<div class=\"notice\">\n\nA notice with *Markdown*.\n\n</div>\n\n")
		case 2:
			body.WriteString("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>\n\n")
		case 4:
			body.WriteString("{{< figure src=\"/x.png\" alt=\"X\" >}} and H<sub>2</sub>O {{ site.url }}\n\n")
		}
	}
	src := body.String()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		convertMarkdownBody(src, 1)
	}
}
