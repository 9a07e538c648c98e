package textedit

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestSmartPunctuation(t *testing.T) {
	cases := []struct{ line, want string }{
		{`"`, `“`},
		{`He said "`, `He said “`},
		{`He said “yes"`, `He said “yes”`},
		{`(“`, `(“`},
		{`("`, `(“`},
		{`“'`, `“‘`},
		{`it'`, `it’`},
		{`the ’90s, 'tis`, `the ’90s, 'tis`}, // only the last rune typed counts
		{`'`, `‘`},
		{`a '`, `a ‘`},
		{`‘yes'`, `‘yes’`},
		{`dogs'`, `dogs’`},
		{`1990--`, `1990–`},
		{`wait –-`, `wait —`},
		{`wait -`, `wait -`},
		{`well...`, `well…`},
		{`well..`, `well..`},
		{`well....`, `well....`},
		{`--`, `--`},   // a thematic break being typed
		{`---`, `---`}, // and done
		{`| a | b |`, `| a | b |`},
		{`|---|--`, `|---|--`},
		{`<!--`, `<!--`},
		{"use `x = \"", "use `x = \""},
		{"use `x` and \"", "use `x` and “"},
		{`    code "`, `    code "`},
		{"\tcode '", "\tcode '"},
		{`see https://example.org/it'`, `see https://example.org/it'`},
		{`see www.example.org/a--`, `see www.example.org/a--`},
		{`[a](https://x.org/a--`, `[a](https://x.org/a--`},
		{`[a](x) it'`, `[a](x) it’`},
		{`{{quote harf's`, `{{quote harf's`},
		{`<https://x.org/it'`, `<https://x.org/it'`},
		{`a < b it'`, `a < b it’`},
		{`plain`, `plain`},
	}
	for _, c := range cases {
		n, with, ok := SmartPunctuation(c.line)
		got := c.line
		if ok {
			got = c.line[:len(c.line)-n] + with
		}
		if got != c.want {
			t.Errorf("SmartPunctuation(%q) gives %q, want %q", c.line, got, c.want)
		}
	}
}

func TestEditorSmartTyping(t *testing.T) {
	test.NewTempApp(t)
	e, _, clk := newTestBody(t, "", 400, 200)
	e.SetSmartPunctuation(true)
	typeSlowly(e, clk, `He said "it's 1990--1995..."`, 50*time.Millisecond)
	if got, want := e.Text(), `He said “it’s 1990–1995…”`; got != want {
		t.Fatalf("typed with smart punctuation: %q, want %q", got, want)
	}
	// One undo right after a substitution takes back just that.
	e.Undo()
	if got, want := e.Text(), `He said “it’s 1990–1995…"`; got != want {
		t.Errorf("undo after substitution: %q, want %q", got, want)
	}
	e.SetText("")
	typeSlowly(e, clk, "wait---", 50*time.Millisecond)
	if got := e.Text(); got != "wait—" {
		t.Errorf("--- gives %q, want an em dash", got)
	}
	// Never in a fenced code block.
	e.SetText("```\n\n```")
	e.SetCursorOffset(4)
	typeSlowly(e, clk, `x = "a--b"`, 50*time.Millisecond)
	if got, want := e.Text(), "```\nx = \"a--b\"\n```"; got != want {
		t.Errorf("in a code block: %q, want %q", got, want)
	}
	// Off: text stays as typed.
	e.SetSmartPunctuation(false)
	e.SetText("")
	typeSlowly(e, clk, `"a"--`, 50*time.Millisecond)
	if got := e.Text(); got != `"a"--` {
		t.Errorf("smart punctuation off: %q", got)
	}
}
