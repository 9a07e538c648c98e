package textedit

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// newTestField shows a field in a test window of the given width.
func newTestField(t *testing.T, w float32) (*Editor, fyne.Window) {
	t.Helper()
	f := NewField()
	win := test.NewWindow(container.NewVBox(f))
	t.Cleanup(win.Close)
	win.SetPadded(false)
	win.Resize(fyne.NewSize(w, 200))
	return f, win
}

func TestFieldEnterSubmitsAndNeverBreaksTheLine(t *testing.T) {
	f, win := newTestField(t, 300)
	var submitted []string
	f.OnSubmitted = func(s string) { submitted = append(submitted, s) }
	win.Canvas().Focus(f)
	test.Type(f, "Council")
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.TypedRune('\n')
	if got := f.Text(); got != "Council" {
		t.Fatalf("text = %q, want no newline", got)
	}
	if len(submitted) != 2 || submitted[0] != "Council" {
		t.Fatalf("submitted = %q, want Council twice", submitted)
	}
}

func TestFieldNeverTakesATab(t *testing.T) {
	f, win := newTestField(t, 300)
	changes := 0
	f.OnChanged = func(string) { changes++ }
	win.Canvas().Focus(f)
	f.SetText("Budget")
	f.TypedRune('\t')
	if f.Text() != "Budget" || changes != 0 {
		t.Fatalf("text %q after Tab, %d changes; want unchanged", f.Text(), changes)
	}
	if tab, ok := any(f).(fyne.Tabbable); ok && tab.AcceptsTab() {
		t.Fatal("a field must not capture Tab: the window moves the focus with it")
	}
	// Only when told (a find bar's query, whose Tab goes to its replacement).
	f.KeepsTab = func() bool { return true }
	if !f.AcceptsTab() {
		t.Fatal("KeepsTab does not keep Tab in the field")
	}
}

func TestFieldPasteAndSetTextKeepOneLine(t *testing.T) {
	f, win := newTestField(t, 300)
	win.Canvas().Focus(f)
	f.SetText("one\ntwo\r\nthree\tfour")
	if got := f.Text(); got != "one two three four" {
		t.Fatalf("SetText: %q", got)
	}
	f.SetCursorOffset(len(f.Text()))
	clip := test.NewClipboard()
	clip.SetContent("a\nb")
	f.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if got := f.Text(); strings.Contains(got, "\n") || !strings.HasSuffix(got, "a b") {
		t.Fatalf("paste: %q", got)
	}
}

func TestFieldHasNoParagraphStyles(t *testing.T) {
	f, _ := newTestField(t, 300)
	f.SetText("# Not a heading")
	if st := f.doc.paras[0].style; st != styleBody {
		t.Fatalf("style %d, want body", st)
	}
}

func TestFieldScrollsSidewaysToTheCaret(t *testing.T) {
	f, win := newTestField(t, 120)
	win.Canvas().Focus(f)
	f.SetText(strings.Repeat("wide words ", 20))
	if n := len(f.doc.paras[0].lines); n != 1 {
		t.Fatalf("%d lines, want 1: a field does not wrap", n)
	}
	f.SetCursorOffset(len(f.Text()))
	if f.field.offsetX <= 0 {
		t.Fatal("caret at the end but the field did not scroll")
	}
	x, _, _ := f.caretRect()
	if vx := x - f.field.offsetX; vx < 0 || vx > f.viewWidth() {
		t.Fatalf("caret at %v of %v visible width", vx, f.viewWidth())
	}
	// a click at the left edge lands on the first visible character, not the text's first
	pos := f.posAtPoint(fyne.NewPos(f.pad(), f.Size().Height/2))
	if pos.off == 0 {
		t.Fatal("click mapped without the sideways scroll")
	}
	f.SetCursorOffset(0)
	if f.field.offsetX != 0 {
		t.Fatalf("offsetX %v at the start", f.field.offsetX)
	}
}

func TestFieldMinSizeIsItsRows(t *testing.T) {
	one := NewField()
	three := NewParagraphField(3)
	test.NewWindow(container.NewVBox(one, three)).Close()
	h1, h3 := one.MinSize().Height, three.MinSize().Height
	if h1 <= 0 || h3 < 2.5*(h1-2*one.pad()) {
		t.Fatalf("heights %v and %v", h1, h3)
	}
	big := NewField()
	big.SetTextStyle(1.6, fyne.TextStyle{Bold: true})
	if big.MinSize().Height <= h1 {
		t.Fatalf("a larger headline is %v high, a field %v", big.MinSize().Height, h1)
	}
}

func TestParagraphFieldWraps(t *testing.T) {
	f := NewParagraphField(2)
	win := test.NewWindow(container.NewVBox(f))
	defer win.Close()
	win.SetPadded(false)
	win.Resize(fyne.NewSize(150, 200))
	f.SetText(strings.Repeat("wrapping words ", 10))
	f.ensureLayout()
	if n := len(f.doc.paras[0].lines); n < 2 {
		t.Fatalf("%d lines, want wrapping", n)
	}
}

func TestFieldPlaceholderOnlyWhileEmpty(t *testing.T) {
	f, _ := newTestField(t, 300)
	f.SetPlaceHolder("Headline")
	r := test.WidgetRenderer(f).(*bodyRenderer)
	if r.hint.Hidden || r.hint.Text != "Headline" {
		t.Fatalf("empty field: hint hidden=%v %q", r.hint.Hidden, r.hint.Text)
	}
	f.SetText("Filled")
	if !r.hint.Hidden {
		t.Fatal("placeholder still shown over the text")
	}
}

func TestFieldKeyHook(t *testing.T) {
	f, _ := newTestField(t, 300)
	downs := 0
	f.OnTypedKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyDown {
			downs++
			return true
		}
		return false
	}
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.SetText("ab")
	f.SetCursorOffset(2)
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if downs != 1 || f.CursorOffset() != 1 {
		t.Fatalf("downs %d, caret %d", downs, f.CursorOffset())
	}
}

func TestUnusedKeysGoToTheWindow(t *testing.T) {
	f, win := newTestField(t, 300)
	win.Canvas().Focus(f)
	var got []fyne.KeyName
	win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) { got = append(got, k.Name) })
	for _, k := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyF9, fyne.KeyLeft} {
		f.TypedKey(&fyne.KeyEvent{Name: k})
	}
	if len(got) != 2 || got[0] != fyne.KeyEscape || got[1] != fyne.KeyF9 {
		t.Fatalf("the window heard %v, want Escape and F9 only", got)
	}
}

func TestLinesFieldKeepsLinesPlain(t *testing.T) {
	f := NewLinesField(3)
	win := test.NewWindow(container.NewVBox(f))
	defer win.Close()
	win.Canvas().Focus(f)
	test.Type(f, "# casino")
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(f, "poker")
	f.TypedRune('\t')
	if f.Text() != "# casino\npoker" {
		t.Fatalf("text %q", f.Text())
	}
	if f.doc.paras[0].style != styleBody || f.MinSize().Height < 3*f.m.lineHeight(styleBody) {
		t.Fatalf("style %d, height %v", f.doc.paras[0].style, f.MinSize().Height)
	}
}

func TestFieldValidatesAndDisables(t *testing.T) {
	f, win := newTestField(t, 300)
	var heard []error
	f.SetOnValidationChanged(func(err error) { heard = append(heard, err) })
	f.SetValidator(func(s string) error {
		if s == "" {
			return errEmpty
		}
		return nil
	})
	if f.Validate() == nil || len(heard) != 1 {
		t.Fatalf("empty field valid, heard %v", heard)
	}
	win.Canvas().Focus(f)
	test.Type(f, "ok")
	if f.Validate() != nil || len(heard) != 2 || heard[1] != nil {
		t.Fatalf("filled field: %v, heard %v", f.Validate(), heard)
	}
	f.Disable()
	test.Type(f, "x")
	f.Undo()
	if f.Text() != "ok" || !f.Disabled() {
		t.Fatalf("a disabled field changed: %q", f.Text())
	}
	f.Enable()
	test.Type(f, "!")
	if f.Text() != "ok!" {
		t.Fatalf("enabled again: %q", f.Text())
	}
}

var errEmpty = errors.New("empty")
