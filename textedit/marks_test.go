package textedit

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestMarksFollowEditsAndGoWhenTouched(t *testing.T) {
	text := "teh cat\nsat on teh mat"
	e, _, _ := newTestBody(t, text, 400, 200)
	if e.SetMarks("stale text", []Span{{0, 3}}) {
		t.Fatal("marks for another text were applied")
	}
	if !e.SetMarks(text, []Span{{15, 18}, {0, 3}, {5, 99}}) {
		t.Fatal("marks not applied")
	}
	if got := e.Marks(); !reflect.DeepEqual(got, []Span{{0, 3}, {15, 18}}) {
		t.Fatalf("marks %v", got)
	}
	e.SetCursorOffset(8) // start of the second line: "sat"
	test.Type(e, "He ")
	if got, want := e.Marks(), []Span{{0, 3}, {18, 21}}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after typing before a mark: %v, want %v", got, want)
	}
	if e.Text()[18:21] != "teh" {
		t.Fatalf("mark lost its word: %q", e.Text())
	}
	e.SetCursorOffset(3) // typing at the end of "teh" changes the word
	test.Type(e, "e")
	if got := e.Marks(); !reflect.DeepEqual(got, []Span{{19, 22}}) {
		t.Fatalf("a touched mark stayed: %v", got)
	}
	if m, ok := e.MarkAt(20); !ok || m != (Span{19, 22}) {
		t.Fatalf("MarkAt: %v %v", m, ok)
	}
	if _, ok := e.MarkAt(2); ok {
		t.Fatal("MarkAt found a mark in unmarked text")
	}
	if m, ok := e.NextMark(25); !ok || m != (Span{19, 22}) {
		t.Fatalf("NextMark wraps: %v %v", m, ok)
	}
}

func TestReplaceIsOneUndoStep(t *testing.T) {
	text := "I recieve news"
	e, _, _ := newTestBody(t, text, 400, 200)
	e.SetMarks(text, []Span{{2, 9}})
	changed := ""
	e.OnChanged = func(s string) { changed = s }
	e.Replace(Span{2, 9}, "receive")
	if e.Text() != "I receive news" || changed != e.Text() {
		t.Fatalf("text %q, OnChanged %q", e.Text(), changed)
	}
	if len(e.Marks()) != 0 {
		t.Fatalf("the replaced word is still marked: %v", e.Marks())
	}
	e.Undo()
	if e.Text() != text {
		t.Fatalf("undo gives %q", e.Text())
	}
	e.Replace(Span{-1, 3}, "x")
	e.Replace(Span{3, 999}, "x")
	if e.Text() != text {
		t.Fatalf("a bad span changed the text: %q", e.Text())
	}
}

func TestMarksDrawnOnVisibleLinesOnly(t *testing.T) {
	var sb strings.Builder
	var spans []Span
	for i := 0; i < 2000; i++ {
		start := sb.Len()
		sb.WriteString("teh line\n")
		spans = append(spans, Span{start, start + 3})
	}
	text := sb.String()
	e, _, _ := newTestBody(t, text, 400, 200)
	e.SetMarks(text, spans)
	r := test.TempWidgetRenderer(t, e).(*bodyRenderer)
	r.Refresh()
	if r.nMark == 0 || r.nMark > 40 {
		t.Fatalf("%d underlines drawn for a 200 px view of 2,000 marked lines", r.nMark)
	}
	var underline *canvas.Rectangle
	for _, o := range r.Objects() {
		if rect, ok := o.(*canvas.Rectangle); ok && rect == r.marks[0] {
			underline = rect
		}
	}
	if underline == nil || underline.Size().Width <= 0 || underline.Size().Height <= 0 {
		t.Fatalf("first underline not shown: %+v", underline)
	}
	if underline.FillColor != r.colors.mark {
		t.Fatal("underline not in the error colour")
	}
}

func TestContextMenuOffersItemsForTheOffset(t *testing.T) {
	text := "I recieve news"
	e, win, _ := newTestBody(t, text, 400, 200)
	var asked = -1
	e.ContextItems = func(off int) []*fyne.MenuItem {
		asked = off
		return []*fyne.MenuItem{fyne.NewMenuItem("receive", func() { e.Replace(Span{2, 9}, "receive") })}
	}
	e.SetCursorOffset(4)
	e.ShowContextMenuAtCaret()
	if asked != 4 {
		t.Fatalf("context items asked for offset %d", asked)
	}
	over := win.Canvas().Overlays().Top()
	if over == nil {
		t.Fatal("no context menu shown")
	}
	// The menu has the keyboard: Down then Return picks the first item.
	foc := win.Canvas().Focused()
	if foc == nil {
		t.Fatal("menu has no focus")
	}
	foc.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	foc.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.Text() != "I receive news" {
		t.Fatalf("picking the suggestion gave %q", e.Text())
	}
}

// BenchmarkBodyKeystrokeMarked60000 is BenchmarkBodyKeystroke60000 with
// every fifth word marked, as a spelling check might: typing cost must
// stay as without marks.
func BenchmarkBodyKeystrokeMarked60000(b *testing.B) {
	test.NewTempApp(b)
	e := newCountingEditor()
	text := genBody(60000)
	var spans []Span
	words := 0
	inWord := false
	for i, r := range text {
		if r == ' ' || r == '\n' {
			inWord = false
			continue
		}
		if !inWord {
			inWord = true
			words++
			if words%5 == 0 {
				end := i
				for end < len(text) && text[end] != ' ' && text[end] != '\n' {
					end++
				}
				spans = append(spans, Span{i, end})
			}
		}
	}
	e.SetText(text)
	e.Resize(benchSize)
	changed := 0
	e.OnChanged = func(s string) { changed += len(s) }
	b.ReportAllocs()
	typed := []rune("fresh news ")
	i := 0
	reset := func() {
		e.SetText(text)
		e.SetMarks(text, spans)
		e.SetCursorOffset(i * 7919 % len(text))
		e.FocusGained()
	}
	reset()
	b.ResetTimer()
	for b.Loop() {
		if i%100 == 99 {
			b.StopTimer()
			reset()
			b.StartTimer()
		}
		e.TypedRune(typed[i%len(typed)])
		i++
	}
}
