package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestOnPasteSeesThePasteFirst(t *testing.T) {
	app := test.NewTempApp(t)
	e, _, _ := newTestBody(t, "Text.", 400, 200)
	cb := app.Clipboard()
	var seen []string
	took := true
	e.OnPaste = func(text string) bool { seen = append(seen, text); return took }
	e.SetCursorOffset(len("Text."))

	cb.SetContent(" Taken")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if e.Text() != "Text." || len(seen) != 1 || seen[0] != " Taken" {
		t.Fatalf("a paste OnPaste took: text %q, seen %q", e.Text(), seen)
	}
	cb.SetContent("") // an empty clipboard (an image only) is shown too
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if len(seen) != 2 || seen[1] != "" {
		t.Fatalf("empty clipboard: seen %q", seen)
	}

	took = false
	cb.SetContent(" Left")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if e.Text() != "Text. Left" {
		t.Fatalf("a paste OnPaste left: %q", e.Text())
	}

	// A read-only editor pastes nothing and asks nobody.
	e.SetReadOnly(true)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: cb})
	if e.Text() != "Text. Left" || len(seen) != 3 {
		t.Fatalf("read-only: text %q, seen %q", e.Text(), seen)
	}
}
