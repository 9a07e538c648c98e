package textedit

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// checkLines verifies that the lines of every paragraph tile its text and
// that no line is wider than width unless it holds a single grapheme.
func checkLines(t *testing.T, e *Editor, width float32) {
	t.Helper()
	for pi, p := range e.doc.paras {
		if len(p.lines) == 0 || p.lines[0].start != 0 || p.lines[len(p.lines)-1].end != len(p.text) {
			t.Fatalf("paragraph %d: lines %v do not cover %q", pi, p.lines, p.text)
		}
		for i, l := range p.lines {
			if i > 0 && l.start != p.lines[i-1].end {
				t.Fatalf("paragraph %d: gap between lines %d and %d", pi, i-1, i)
			}
			visible := strings.TrimRight(p.text[l.start:l.end], " \t")
			w := fyne.MeasureText(visible, e.m.size(p.style), e.m.textStyle(p.style)).Width
			single := len(e.m.graphemes(visible)) <= 2
			if w > width+0.5 && !single {
				t.Errorf("paragraph %d line %d %q is %.1f wide, limit %.1f", pi, i, visible, w, width)
			}
		}
	}
}

func TestBodyWrapKeepsLinesWithinWidth(t *testing.T) {
	test.NewTempApp(t)
	texts := map[string]string{
		"prose":     genBody(3000),
		"url":       "See https://example.org/a/very/long/path/without/any/spaces/at/all/which/must/break/somewhere/inside/itself?query=1&more=2 for details",
		"cjk":       "東京都は月曜日、新しい交通計画を発表した。市民の反応はさまざまで、専門家は慎重な見方を示している。",
		"greek":     "Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία και την ενέργεια στην περιφέρεια",
		"mixed":     "Москва — Kyiv — القاهرة — ירושלים — 👩‍👩‍👧‍👦 family emoji and e\u0301te\u0301 with combining marks",
		"odd marks": "a \u0301" + strings.Repeat("abcdefghij", 30) + " end",
		"headings":  "# Big heading that is long enough to wrap over several lines of the editor\n> quoted text in italics that also wraps around\nplain",
	}
	for name, text := range texts {
		for _, w := range []float32{140, 320, 700} {
			t.Run(name, func(t *testing.T) {
				e, _, _ := newTestBody(t, text, w, 400)
				checkLines(t, e, e.textWidth())
				if e.Text() != text {
					t.Fatalf("text changed by layout")
				}
			})
		}
	}
}

func TestBodyCJKBreaksBetweenCharacters(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, strings.Repeat("漢字", 60), 200, 300)
	if n := len(e.doc.paras[0].lines); n < 3 {
		t.Fatalf("120 CJK characters at 200px wrapped into %d lines", n)
	}
	checkLines(t, e, e.textWidth())
}

func TestBodyRewrapsOnResize(t *testing.T) {
	test.NewTempApp(t)
	e, w, _ := newTestBody(t, genBody(20000), 700, 500)
	lines := func() int {
		n := 0
		for _, p := range e.doc.paras {
			n += len(p.lines)
		}
		return n
	}
	wide := lines()
	segments := e.m.segments
	w.Resize(fyne.NewSize(350, 500))
	narrow := lines()
	if narrow <= wide*3/2 {
		t.Fatalf("halving the width went from %d to %d lines", wide, narrow)
	}
	if e.m.segments != segments {
		t.Fatalf("resize re-measured %d paragraphs; it should reuse cached widths", e.m.segments-segments)
	}
	checkLines(t, e, e.textWidth())
}

func TestBodyOnlyVisibleLinesHaveObjects(t *testing.T) {
	test.NewTempApp(t)
	text := genBody(60000)
	e, _, _ := newTestBody(t, text, 700, 600)
	texts := func() []*canvas.Text {
		var out []*canvas.Text
		for _, o := range test.WidgetRenderer(e).Objects() {
			if t, ok := o.(*canvas.Text); ok {
				out = append(out, t)
			}
		}
		return out
	}
	lineH := e.m.lineHeight(styleBody)
	maxLines := int(600/lineH) + 3
	if n := len(texts()); n == 0 || n > maxLines {
		t.Fatalf("%d text objects for a 600px view, want 1..%d", n, maxLines)
	}
	if n := len(test.WidgetRenderer(e).Objects()); n > 2*maxLines+4 {
		t.Fatalf("%d objects in total", n)
	}
	e.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -e.contentHeight()/2)})
	shown := texts()
	if len(shown) == 0 || len(shown) > maxLines {
		t.Fatalf("%d text objects after scrolling", len(shown))
	}
	for _, o := range shown {
		if !strings.Contains(text, o.Text) {
			t.Fatalf("shown line %q is not part of the text", o.Text)
		}
	}
	if strings.HasPrefix(text, shown[0].Text) {
		t.Fatalf("after scrolling half way the first line is still the start of the text")
	}
}

func TestBodyKeystrokeRewrapsOneParagraph(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, genBody(60000), 700, 600)
	if len(e.doc.paras) < 50 {
		t.Fatalf("generated only %d paragraphs", len(e.doc.paras))
	}
	e.SetCursorOffset(len(e.Text()) / 2)
	segments, wraps := e.m.segments, e.m.wraps
	test.Type(e, "x")
	if got := e.m.segments - segments; got != 1 {
		t.Errorf("a keystroke measured %d paragraphs, want 1", got)
	}
	if got := e.m.wraps - wraps; got != 1 {
		t.Errorf("a keystroke wrapped %d paragraphs, want 1", got)
	}
	key(e, fyne.KeyReturn) // splitting a paragraph re-wraps both halves only
	segments, wraps = e.m.segments, e.m.wraps
	key(e, fyne.KeyBackspace) // joining them re-wraps one
	if got := e.m.wraps - wraps; got != 1 {
		t.Errorf("joining paragraphs wrapped %d paragraphs, want 1", got)
	}
	if got := e.m.segments - segments; got != 1 {
		t.Errorf("joining paragraphs measured %d paragraphs, want 1", got)
	}
}

func TestBodyStyleFromPrefix(t *testing.T) {
	cases := []struct {
		text string
		want paraStyle
	}{
		{"# Title", styleH1},
		{"## Sub", styleH2},
		{"###### Deep", styleH3},
		{"#", styleH1},
		{"#hashtag", styleBody},
		{"####### seven", styleBody},
		{"> quote", styleQuote},
		{"plain # text", styleBody},
		{"", styleBody},
	}
	for _, c := range cases {
		if got := styleFor(c.text); got != c.want {
			t.Errorf("styleFor(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
