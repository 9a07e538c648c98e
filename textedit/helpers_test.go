package textedit

import (
	"testing"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"newsroom/internal/sampletext"
)

// newCountingEditor is an editor that counts words the way the program
// does, so tests and benchmarks pay what the article screen pays.
func newCountingEditor() *Editor {
	e := NewEditor()
	e.SetWordCounter(testWordCount)
	return e
}

// testWordCount is the rule of domain.WordCount (a CJK character is a
// word; so is a run of letters, digits, marks and apostrophes), repeated
// here so that this package's tests import nothing of the program's.
func testWordCount(text string) int {
	n := 0
	inWord := false
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r):
			n++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’':
			if !inWord {
				n++
				inWord = true
			}
		default:
			inWord = false
		}
	}
	return n
}

// genBody is article-like text of about n bytes.
var genBody = sampletext.Body

// newTestBody returns an editor showing text in a test window of the given
// size, with a controllable clock.
func newTestBody(t testing.TB, text string, w, h float32) (*Editor, fyne.Window, *fakeClock) {
	t.Helper()
	e := newCountingEditor()
	clk := &fakeClock{t: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	e.now = clk.now
	win := test.NewWindow(e)
	t.Cleanup(win.Close)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, h))
	e.SetText(text)
	return e, win, clk
}

// fakeClock is a manual clock for undo coalescing tests.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

// key sends a typed key to the editor.
func key(e *Editor, name fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: name}) }
