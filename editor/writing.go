package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// PrefSmartPunctuation is the Fyne preference (the editor's own settings,
// beside the user name) that turns typographic quotes and dashes as you
// type on or off; it is on when unset.
const PrefSmartPunctuation = "editor.smartPunctuation"

// bodyBox is the body with the writing tools around it: the find bar
// above, the body's find keys, and smart punctuation as the preference
// says (following changes to it).
func (s *Screen) bodyBox() fyne.CanvasObject {
	s.find = newFindBar(s)
	s.body.OnKey = s.find.bodyKey
	s.body.OnCaretMoved = func(off int) {
		if s.previewShown {
			s.preview.follow(off)
		}
	}
	if app := fyne.CurrentApp(); app != nil {
		prefs := app.Preferences()
		s.body.SetSmartPunctuation(prefs.BoolWithFallback(PrefSmartPunctuation, true))
		prefs.AddChangeListener(func() {
			on := prefs.BoolWithFallback(PrefSmartPunctuation, true)
			s.sched.Do(func() { s.body.SetSmartPunctuation(on) })
		})
	}
	return container.NewBorder(s.find.box, nil, nil, nil, s.body)
}

// Find opens the find bar over the body (Edit → Find, Ctrl+F in the
// body), with the body's selection as the query.
func (s *Screen) Find() { s.find.open(false) }

// FindReplace opens the find bar with its replace row (Ctrl+H).
func (s *Screen) FindReplace() { s.find.open(true) }

// WritingFocused reports whether the keyboard is in the body or its find
// bar, where Ctrl+F means find in the body rather than search the list.
func (s *Screen) WritingFocused() bool {
	switch s.win.Canvas().Focused() {
	case nil:
		return false
	case s.body, s.find.query, s.find.with:
		return s.article != nil
	}
	return false
}
