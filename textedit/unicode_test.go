package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestBodyUnicodeRoundTrips(t *testing.T) {
	test.NewTempApp(t)
	texts := []string{
		"Καλημέρα κόσμε — Привет, мир",
		"e\u0301te\u0301 and n\u0303 with combining marks",
		"👩‍👩‍👧‍👦 family, 👍🏽 thumbs, 🇫🇷 flag",
		"東京都は月曜日、新しい交通計画を発表した。",
		"العربية من اليمين إلى اليسار 123",
		"עברית מימין לשמאל, with English",
		"tab\tand\u00a0no-break space",
	}
	for _, text := range texts {
		t.Run(text, func(t *testing.T) {
			e, _, _ := newTestBody(t, text, 160, 300)
			if e.Text() != text {
				t.Fatalf("SetText/Text changed the text: %q", e.Text())
			}
			typed, _, _ := newTestBody(t, "", 160, 300)
			test.Type(typed, text)
			if typed.Text() != text {
				t.Fatalf("typing gave %q", typed.Text())
			}
			if typed.WordCount() != testWordCount(text) {
				t.Fatalf("word count %d, want %d", typed.WordCount(), testWordCount(text))
			}
			// walk the caret to the end and back: every stop is a valid
			// boundary and nothing changes
			ctrl(e, fyne.KeyHome, false)
			for i := 0; i < len(text) && e.CursorOffset() < len(text); i++ {
				key(e, fyne.KeyRight)
			}
			if e.CursorOffset() != len(text) {
				t.Fatalf("right arrow stopped at %d of %d", e.CursorOffset(), len(text))
			}
			for i := 0; i < len(text) && e.CursorOffset() > 0; i++ {
				key(e, fyne.KeyLeft)
			}
			if e.CursorOffset() != 0 || e.Text() != text {
				t.Fatalf("left arrow stopped at %d, text %q", e.CursorOffset(), e.Text())
			}
		})
	}
}

func TestBodyCaretSkipsClusters(t *testing.T) {
	test.NewTempApp(t)
	cases := []struct {
		text string
		want []int // caret offsets visited by Right from 0
	}{
		{"e\u0301x", []int{3, 4}},
		{"a👍🏽b", []int{1, 9, 10}},
		{"👩‍👧!", []int{11, 12}},
		{"漢字", []int{3, 6}},
	}
	for _, c := range cases {
		e, _, _ := newTestBody(t, c.text, 400, 200)
		for i, want := range c.want {
			key(e, fyne.KeyRight)
			if got := e.CursorOffset(); got != want {
				t.Fatalf("%q: step %d at %d, want %d", c.text, i, got, want)
			}
		}
		key(e, fyne.KeyBackspace) // deletes the whole last cluster
		want := c.text[:c.want[len(c.want)-2]]
		if len(c.want) < 2 {
			want = ""
		}
		if e.Text() != want {
			t.Fatalf("%q: backspace left %q, want %q", c.text, e.Text(), want)
		}
	}
}

func TestBodyNormalisesInput(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "a\r\nb\rc\xffd", 400, 200)
	if e.Text() != "a\nb\nc\uFFFDd" {
		t.Fatalf("SetText normalised to %q", e.Text())
	}
	if len(e.doc.paras) != 3 {
		t.Fatalf("%d paragraphs, want 3", len(e.doc.paras))
	}
}

func TestBodyWordCountTracksEdits(t *testing.T) {
	test.NewTempApp(t)
	text := genBody(5000)
	e, _, _ := newTestBody(t, text, 600, 400)
	if e.WordCount() != testWordCount(text) {
		t.Fatalf("word count %d, want %d", e.WordCount(), testWordCount(text))
	}
	e.SetCursorOffset(100)
	test.Type(e, " extra words\nhere ")
	e.Select(50, 400)
	key(e, fyne.KeyBackspace)
	if e.WordCount() != testWordCount(e.Text()) {
		t.Fatalf("after edits word count %d, want %d", e.WordCount(), testWordCount(e.Text()))
	}
}
