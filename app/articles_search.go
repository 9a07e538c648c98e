package app

import (
	"fyne.io/fyne/v2"

	"newsroom/editor"
)

// searchKey lets Down leave the search box for the results: the first
// result is opened and the list gets the keyboard (Up and Down walk it).
func (s *ArticlesScreen) searchKey(k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyDown {
		return false
	}
	s.whenSearched(func() {
		if len(s.items) == 0 {
			return
		}
		s.list.Select(0)
		s.win.Canvas().Focus(s.list)
	})
	return true
}

// openFirstResult opens the first article found (Enter in the search
// box) with the keyboard in its body.
func (s *ArticlesScreen) openFirstResult() {
	s.whenSearched(func() {
		if len(s.items) == 0 {
			return
		}
		if id := s.items[0].ID; id != s.selected {
			s.open(id, editor.FocusBody)
			s.reselect()
		} else {
			s.editor.FocusBody()
		}
	})
}

// whenSearched runs fn at once, or, when a search is still waiting for
// typing to pause, runs that search now and fn once its results show.
func (s *ArticlesScreen) whenSearched(fn func()) {
	if s.debounce == nil || !s.debounce.Stop() {
		fn()
		return
	}
	s.afterReload = fn
	s.Reload()
}
