package importer

import (
	"strings"
	"testing"
)

func TestBodyMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		html     string
		want     []string // each must appear in the Markdown
		wantNot  []string // none may appear
		wantSame string   // when set, the whole output
	}{
		{
			name:     "gutenberg comments dropped",
			html:     "<!-- wp:paragraph -->\n<p>Hello <strong>world</strong>.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:separator -->\n<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->",
			wantSame: "Hello **world**.\n\n* * *",
		},
		{
			name: "table to GFM",
			html: "<table><thead><tr><th>Name</th><th>Salary</th></tr></thead><tbody><tr><td>John</td><td>$1</td></tr></tbody></table>",
			want: []string{"| Name | Salary |", "|------|--------|", "| John | $1     |"},
		},
		{
			name: "table without a header row gets one",
			html: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>",
			want: []string{"| a | b |", "|---|---|", "| c | d |"},
		},
		{
			name:     "blockquote with cite",
			html:     `<blockquote class="wp-block-quote"><p>Gutenberg is more than an editor.</p><cite>The Gutenberg Team<br></cite></blockquote>`,
			wantSame: "> Gutenberg is more than an editor.\n> \n> — The Gutenberg Team",
		},
		{
			name: "video kept as a link",
			html: `<p>Watch:</p><video controls src="https://example.com/clip.mp4"></video>`,
			want: []string{"Watch:", "[Video: https://example.com/clip.mp4](https://example.com/clip.mp4)"},
		},
		{
			name: "video with a source child",
			html: `<video controls><source src="https://example.com/a.webm" type="video/webm"></video>`,
			want: []string{"[Video: https://example.com/a.webm](https://example.com/a.webm)"},
		},
		{
			name: "youtube iframe is a video",
			html: `<figure><iframe width="560" src="https://www.youtube.com/embed/abc"></iframe></figure>`,
			want: []string{"{{embed https://www.youtube.com/watch?v=abc}}"},
		},
		{
			name: "audio and other iframes",
			html: `<audio src="https://example.com/a.mp3"></audio><iframe src="https://maps.example.com/x"></iframe>`,
			want: []string{"[Audio: https://example.com/a.mp3]", "[Embed: https://maps.example.com/x](https://maps.example.com/x)"},
		},
		{
			name: "object with a movie param",
			html: `<object width="400"><param name="movie" value="https://example.com/old.swf"></object>`,
			want: []string{"[Embed: https://example.com/old.swf](https://example.com/old.swf)"},
		},
		{
			name: "media without an address leaves a note",
			html: `<p>Before</p><video controls></video>`,
			want: []string{"Before", "[Video without an address]"},
		},
		{
			name:     "wpautop: blank lines make paragraphs, newlines breaks",
			html:     "First paragraph\nsecond line.\n\nSecond paragraph.\n\n\nThird.",
			wantSame: "First paragraph  \nsecond line.\n\nSecond paragraph.\n\nThird.",
		},
		{
			name: "wpautop keeps a pre with blank lines whole",
			html: "Intro.\n\n<pre>line one\n\nline three</pre>\n\nOutro.",
			want: []string{"Intro.", "```\nline one\n\nline three\n```", "Outro."},
		},
		{
			name: "headings lists links emphasis code",
			html: "<h2>Head</h2>\n<ul>\n<li>one</li>\n<li><a href=\"https://example.com\">two</a></li>\n</ul>\n<ol><li>first</li></ol>\n<p><em>soft</em> and <code>x := 1</code></p>",
			want: []string{"## Head", "- one", "- [two](https://example.com)", "1. first", "*soft* and `x := 1`"},
		},
		{
			name:    "caption shortcode keeps the image and its caption",
			html:    `[caption id="attachment_1" align="alignnone" width="300"]<a href="https://example.com/big.jpg"><img src="https://example.com/small.jpg" alt="Bell" /></a> Bell on wharf[/caption]`,
			want:    []string{"[![Bell](https://example.com/small.jpg)](https://example.com/big.jpg)", "Bell on wharf"},
			wantNot: []string{"caption"},
		},
		{
			name: "embed and audio shortcodes become links",
			html: "[embed]https://vimeo.com/123[/embed]\n\n[audio mp3=\"https://example.com/s.mp3\"][/audio]\n\n[audio https://example.com/t.mp3]",
			want: []string{"[Video: https://vimeo.com/123](https://vimeo.com/123)", "[Audio: https://example.com/s.mp3](https://example.com/s.mp3)", "[Audio: https://example.com/t.mp3](https://example.com/t.mp3)"},
		},
		{
			name: "other shortcodes stay as text",
			html: `[gallery ids="1,2,3"]`,
			want: []string{`gallery ids="1,2,3"]`},
		},
		{
			name:    "scripts are dropped",
			html:    `<p>Text</p><script>alert(1)</script>`,
			want:    []string{"Text"},
			wantNot: []string{"alert"},
		},
		{
			name:     "empty content",
			html:     "  \n ",
			wantSame: "",
		},
	}
	bc := newBodyConverter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := bc.Markdown(tt.html)
			if err != nil {
				t.Fatalf("Markdown: %v", err)
			}
			if tt.wantSame != "" || (tt.want == nil && tt.wantNot == nil) {
				if got != tt.wantSame {
					t.Fatalf("got\n%q\nwant\n%q", got, tt.wantSame)
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %q in\n%s", w, got)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(got, w) {
					t.Errorf("unexpected %q in\n%s", w, got)
				}
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct {
		in    string
		lines bool
		want  string
	}{
		{"Markup: Title <em>With</em> <b>Markup</b>", false, "Markup: Title With Markup"},
		{"Tom &amp; Jerry&#8217;s\n  show", false, "Tom & Jerry’s show"},
		{"First line\nsecond line\n\n\n\nNew para", true, "First line\nsecond line\n\nNew para"},
		{`<p>See <a href="https://example.com">this</a>.</p><p>Bye</p>`, true, "See this (https://example.com).\n\nBye"},
		{`<a href="https://example.com">https://example.com</a>`, true, "https://example.com"},
		{`ok<script>bad()</script>`, false, "ok"},
	}
	for _, tt := range tests {
		if got := plainText(tt.in, tt.lines); got != tt.want {
			t.Errorf("plainText(%q, %v) = %q, want %q", tt.in, tt.lines, got, tt.want)
		}
	}
}
