package textedit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// sel writes text with the selection [s, e) shown as [ and ] (a caret
// as |), to compare transforms at a glance.
func sel(text string, s, e int) string {
	if s == e {
		return text[:s] + "|" + text[s:]
	}
	return text[:s] + "[" + text[s:e] + "]" + text[e:]
}

// unsel reads a text written by sel back into the text and its selection.
func unsel(t *testing.T, in string) (string, int, int) {
	t.Helper()
	for i := 0; i < len(in); i++ {
		switch in[i] {
		case '|':
			return in[:i] + in[i+1:], i, i
		case '[':
			for j := i + 1; j < len(in); j++ {
				if in[j] == ']' {
					return in[:i] + in[i+1:j] + in[j+1:], i, j - 1
				}
			}
		}
	}
	t.Fatalf("no selection in %q", in)
	return "", 0, 0
}

func TestToggleEmphasis(t *testing.T) {
	cases := []struct{ marker, in, want string }{
		{"**", "a [word] b", "a **[word]** b"},
		{"**", "a **[word]** b", "a [word] b"},
		{"**", "a [**word**] b", "a [word] b"},
		{"**", "a [word ]b", "a **[word]** b"},
		{"**", "a | b", "a **|** b"},
		{"**", "a **|** b", "a | b"},
		{"*", "a [word] b", "a *[word]* b"},
		{"*", "a *[word]* b", "a [word] b"},
		{"*", "a [*word*] b", "a [word] b"},
		{"*", "a **[word]** b", "a ***[word]*** b"},
		{"*", "a ***[word]*** b", "a **[word]** b"},
		{"**", "a ***[word]*** b", "a *[word]* b"},
		{"**", "a *[word]* b", "a ***[word]*** b"},
		{"*", "|", "*|*"},
		{"*", "*|*", "|"},
		{"**", "[two words]", "**[two words]**"},
		{"**", "[**]", "**[**]**"},
	}
	for _, c := range cases {
		text, s, e := unsel(t, c.in)
		ch := ToggleEmphasis(text, s, e, c.marker)
		if got := sel(ch.Apply(text), ch.SelStart, ch.SelEnd); got != c.want {
			t.Errorf("%s on %q: got %q, want %q", c.marker, c.in, got, c.want)
		}
	}
}

func TestMakeLink(t *testing.T) {
	cases := []struct{ in, want string }{
		{"see [the report] now", "see [the report](https://) now"},
		{"see | now", "see [](https://) now"},
		{"at [https://example.org/x]", "at [](https://example.org/x)"},
		{"at [www.example.org]", "at [](www.example.org)"},
	}
	for _, c := range cases {
		text, s, e := unsel(t, c.in)
		ch := MakeLink(text, s, e)
		got := ch.Apply(text)
		if got != c.want {
			t.Errorf("link on %q: got %q, want %q", c.in, got, c.want)
		}
	}
	// The address placeholder is selected, so typing replaces it.
	text, s, e := unsel(t, "see [the report] now")
	ch := MakeLink(text, s, e)
	if got := ch.Apply(text)[ch.SelStart:ch.SelEnd]; got != "https://" {
		t.Errorf("selected after Ctrl+K: %q, want the address placeholder", got)
	}
	text, s, e = unsel(t, "see | now")
	if ch := MakeLink(text, s, e); ch.SelStart != ch.SelEnd || ch.Apply(text)[ch.SelStart:] != "](https://) now" {
		t.Errorf("no selection: caret at %d of %q, want inside the link text", ch.SelStart, ch.Apply(text))
	}
}

// ctrlKey is Ctrl+key as the window delivers it.
func ctrlKey(key fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func TestEditorFormatShortcuts(t *testing.T) {
	test.NewTempApp(t)
	e, _, _ := newTestBody(t, "He said no.", 400, 200)
	changes := 0
	e.OnChanged = func(string) { changes++ }
	e.Select(3, 7)
	e.TypedShortcut(ctrlKey(fyne.KeyB))
	if got := e.Text(); got != "He **said** no." {
		t.Fatalf("Ctrl+B: %q", got)
	}
	if got := e.SelectedText(); got != "said" {
		t.Fatalf("Ctrl+B keeps the word selected, got %q", got)
	}
	e.TypedShortcut(ctrlKey(fyne.KeyI))
	if got := e.Text(); got != "He ***said*** no." {
		t.Fatalf("Ctrl+I: %q", got)
	}
	e.TypedShortcut(ctrlKey(fyne.KeyB))
	e.TypedShortcut(ctrlKey(fyne.KeyI))
	if got := e.Text(); got != "He said no." {
		t.Fatalf("toggled off: %q", got)
	}
	e.TypedShortcut(ctrlKey(fyne.KeyK))
	e.TypedRune('x')
	if got := e.Text(); got != "He [said](x) no." {
		t.Fatalf("Ctrl+K then typing: %q", got)
	}
	if changes == 0 {
		t.Error("OnChanged not called")
	}
	// Each transform is one undo step.
	e.Undo()
	e.Undo()
	if got := e.Text(); got != "He said no." {
		t.Errorf("two undos after Ctrl+K and typing: %q", got)
	}
	e.Undo()
	if got := e.Text(); got != "He *said* no." {
		t.Errorf("undo of Ctrl+I: %q", got)
	}
	// Read-only text is left alone.
	e.SetReadOnly(true)
	e.Select(0, 2)
	e.TypedShortcut(ctrlKey(fyne.KeyB))
	if got := e.Text(); got != "He *said* no." {
		t.Errorf("read-only editor changed: %q", got)
	}
}
