package textedit

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestFind(t *testing.T) {
	text := "The cat. Cats scatter; the CAT café, catégorie cat_x cat"
	cases := []struct {
		query string
		opt   FindOptions
		want  []string
	}{
		{"cat", FindOptions{}, []string{"cat", "Cat", "cat", "CAT", "cat", "cat", "cat"}},
		{"cat", FindOptions{CaseSensitive: true}, []string{"cat", "cat", "cat", "cat", "cat"}},
		{"cat", FindOptions{WholeWord: true}, []string{"cat", "CAT", "cat"}},
		{"cat", FindOptions{WholeWord: true, CaseSensitive: true}, []string{"cat", "cat"}},
		{"CAFÉ", FindOptions{}, []string{"café"}},
		{"a.", FindOptions{}, nil}, // the query is literal text, not a pattern
		{"t.", FindOptions{}, []string{"t."}},
		{"", FindOptions{}, nil},
	}
	for _, c := range cases {
		var got []string
		for _, s := range Find(text, c.query, c.opt) {
			got = append(got, text[s.Start:s.End])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Find(%q, %+v) = %q, want %q", c.query, c.opt, got, c.want)
		}
	}
}

func TestEditorReplaceAllIsOneUndoStep(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "a cat\n\nthe cat sat\ncat", 400, 200)
	spans := Find(e.Text(), "cat", FindOptions{})
	if n := e.ReplaceAll(spans, "dog"); n != 3 {
		t.Fatalf("replaced %d, want 3", n)
	}
	if got := e.Text(); got != "a dog\n\nthe dog sat\ndog" {
		t.Fatalf("after replace all: %q", got)
	}
	e.Undo()
	if got := e.Text(); got != "a cat\n\nthe cat sat\ncat" {
		t.Errorf("one undo after replace all: %q", got)
	}
}

func TestEditorHighlights(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "cat one\ntwo cat cat", 400, 200)
	spans := Find(e.Text(), "cat", FindOptions{})
	if !e.SetHighlights(e.Text(), spans) {
		t.Fatal("highlights refused for the current text")
	}
	if got := e.Highlights(); !reflect.DeepEqual(got, spans) {
		t.Fatalf("highlights %v, want %v", got, spans)
	}
	if e.SetHighlights("old text", spans) {
		t.Error("highlights for another text were taken")
	}
	r := test.WidgetRenderer(e).(*bodyRenderer)
	if r.nHit != 3 {
		t.Errorf("%d highlight rectangles drawn, want 3", r.nHit)
	}
	// An edit before a highlight in its paragraph moves it along.
	e.SetCursorOffset(8)
	e.TypedRune('x')
	want := []Span{{0, 3}, {13, 16}, {17, 20}}
	if got := e.Highlights(); !reflect.DeepEqual(got, want) {
		t.Errorf("after typing: %v, want %v", got, want)
	}
	e.SetHighlights(e.Text(), nil)
	if r.nHit != 0 {
		t.Errorf("%d highlight rectangles after clearing", r.nHit)
	}
}

func TestEditorOnKey(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "x", 400, 200)
	var got []string
	e.OnKey = func(k fyneKey, m fyneMod) { got = append(got, string(k)) }
	e.TypedShortcut(ctrlKey("H"))
	e.TypedKey(&keyEvent{Name: "F3"})
	if !reflect.DeepEqual(got, []string{"H", "F3"}) {
		t.Errorf("OnKey saw %q", got)
	}
}

type (
	fyneKey  = fyne.KeyName
	fyneMod  = fyne.KeyModifier
	keyEvent = fyne.KeyEvent
)
