package editor

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/textedit"
)

// findBar is find and replace in the body: a bar above it with the
// query, the match count ("3 of 12"), next and previous, case and
// whole-word options and, for Ctrl+H, the replacement with Replace and
// Replace all. Every match is highlighted (on the visible lines only).
// All its methods run on the UI goroutine.
type findBar struct {
	s        *Screen
	query    *textedit.Editor // our fields: no blinking caret
	with     *textedit.Editor
	count    *widget.Label
	caseOpt  *widget.Check
	wordOpt  *widget.Check
	replaces *fyne.Container
	box      *fyne.Container

	matches []textedit.Span
}

// newFindBar builds the (hidden) bar for s's body.
func newFindBar(s *Screen) *findBar {
	f := &findBar{s: s, count: widget.NewLabel("")}
	f.query = f.newFindField("Find in the body")
	f.query.OnChanged = func(string) { f.search(true) }
	f.with = f.newFindField("Replace with")
	f.caseOpt = widget.NewCheck("Match case", func(bool) { f.search(true) })
	f.wordOpt = widget.NewCheck("Whole words", func(bool) { f.search(true) })
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { f.step(false) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { f.step(true) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), f.close)
	replace := widget.NewButton("Replace", f.replaceOne)
	replaceAll := widget.NewButton("Replace all", f.replaceAll)
	findRow := container.NewBorder(nil, nil, nil, container.NewHBox(f.count, prev, next, closeBtn), f.query)
	f.replaces = container.NewBorder(nil, nil, nil, container.NewHBox(replace, replaceAll), f.with)
	f.replaces.Hide()
	f.box = container.NewVBox(findRow, f.replaces, container.NewHBox(f.caseOpt, f.wordOpt))
	f.box.Hide()
	return f
}

// open shows the bar (with the replace row when replacing), takes the
// body's selection as the query when it is on one line, and puts the
// keyboard in the query.
func (f *findBar) open(replacing bool) {
	if sel := f.s.body.SelectedText(); sel != "" && !strings.Contains(sel, "\n") {
		f.query.SetText(sel) // searches
	}
	if replacing {
		f.replaces.Show()
	} else {
		f.replaces.Hide()
	}
	f.box.Show()
	f.search(false)
	f.s.win.Canvas().Focus(f.query)
}

// shown reports whether the bar is open.
func (f *findBar) shown() bool { return f.box.Visible() }

// close hides the bar, drops the highlights and gives the keyboard back
// to the body.
func (f *findBar) close() {
	if !f.shown() {
		return
	}
	f.box.Hide()
	f.matches = nil
	f.s.body.SetHighlights(f.s.body.Text(), nil)
	f.s.win.Canvas().Focus(f.s.body)
}

// options are the bar's match options.
func (f *findBar) options() textedit.FindOptions {
	return textedit.FindOptions{CaseSensitive: f.caseOpt.Checked, WholeWord: f.wordOpt.Checked}
}

// search finds every match of the query, highlights them and updates the
// count; with jump it selects the first match from the caret on, as the
// query is typed.
func (f *findBar) search(jump bool) {
	if !f.shown() {
		return
	}
	text := f.s.body.Text()
	f.matches = textedit.Find(text, f.query.Text(), f.options())
	f.s.body.SetHighlights(text, f.matches)
	if jump && len(f.matches) > 0 {
		start, _ := f.s.body.SelectionRange()
		f.selectMatch(f.nextFrom(start, true))
	}
	f.showCount()
}

// bodyChanged follows an edit of the body while the bar is open.
func (f *findBar) bodyChanged() {
	if f.shown() {
		f.search(false)
	}
}

// showCount writes "3 of 12" when the selection is a match, else the
// number of matches.
func (f *findBar) showCount() {
	switch n := len(f.matches); {
	case f.query.Text() == "":
		f.count.SetText("")
	case n == 0:
		f.count.SetText("No matches")
	case f.currentIndex() >= 0:
		f.count.SetText(strconv.Itoa(f.currentIndex()+1) + " of " + strconv.Itoa(n))
	case n == 1:
		f.count.SetText("1 match")
	default:
		f.count.SetText(strconv.Itoa(n) + " matches")
	}
}

// Count is the text of the match count ("3 of 12").
func (f *findBar) Count() string { return f.count.Text }

// currentIndex is the index of the match the body has selected, or -1.
func (f *findBar) currentIndex() int {
	start, end := f.s.body.SelectionRange()
	for i, m := range f.matches {
		if m.Start == start && m.End == end {
			return i
		}
		if m.Start > start {
			break
		}
	}
	return -1
}

// nextFrom is the index of the first match starting at or after off
// (forward), or the last one ending at or before it (backward), wrapping
// round the body.
func (f *findBar) nextFrom(off int, forward bool) int {
	n := len(f.matches)
	if forward {
		for i, m := range f.matches {
			if m.Start >= off {
				return i
			}
		}
		return 0
	}
	for i := n - 1; i >= 0; i-- {
		if f.matches[i].End <= off {
			return i
		}
	}
	return n - 1
}

// step selects the next (or previous) match after the current selection.
func (f *findBar) step(forward bool) {
	if !f.shown() {
		f.open(false)
	}
	f.search(false) // the body may have been replaced (another article) since
	if len(f.matches) == 0 {
		return
	}
	start, end := f.s.body.SelectionRange()
	i := f.currentIndex()
	switch {
	case i >= 0 && forward:
		i = (i + 1) % len(f.matches)
	case i >= 0:
		i = (i - 1 + len(f.matches)) % len(f.matches)
	case forward:
		i = f.nextFrom(end, true)
	default:
		i = f.nextFrom(start, false)
	}
	f.selectMatch(i)
	f.showCount()
}

// selectMatch selects match i in the body, scrolled into view.
func (f *findBar) selectMatch(i int) {
	m := f.matches[i]
	f.s.body.Select(m.Start, m.End)
}

// replaceOne replaces the selected match and moves to the next one; when
// no match is selected it moves to the next one first.
func (f *findBar) replaceOne() {
	f.search(false)
	i := f.currentIndex()
	if i < 0 {
		f.step(true)
		return
	}
	m := f.matches[i]
	f.s.body.Replace(m, f.with.Text())
	f.search(false)
	if len(f.matches) > 0 {
		f.selectMatch(f.nextFrom(m.Start+len(f.with.Text()), true))
	}
	f.showCount()
}

// replaceAll replaces every match as one undo step.
func (f *findBar) replaceAll() {
	f.search(false) // never replace spans found in another text
	n := f.s.body.ReplaceAll(f.matches, f.with.Text())
	f.search(false)
	if n > 0 {
		f.count.SetText("Replaced " + strconv.Itoa(n))
	}
}

// bodyKey handles the find keys the body passes on: F3 and Shift+F3 for
// next and previous, Ctrl+F, Ctrl+H, and Escape to close the bar.
func (f *findBar) bodyKey(key fyne.KeyName, mod fyne.KeyModifier) {
	switch {
	case key == fyne.KeyF3:
		f.step(mod&fyne.KeyModifierShift == 0)
	case key == fyne.KeyF && mod == fyne.KeyModifierShortcutDefault:
		f.open(false)
	case key == fyne.KeyH && mod == fyne.KeyModifierShortcutDefault:
		f.open(true)
	case key == fyne.KeyEscape && mod == 0:
		f.close()
	}
}

// newFindField makes one of the bar's fields on our text engine (its
// caret does not blink, so an open bar leaves the window idle): Enter goes
// to the next match (in the replacement: replaces), Shift+Enter and
// Shift+F3 to the previous one, F3 to the next, Escape closes the bar, Tab
// moves between the query and the replacement, Ctrl+F and Ctrl+H reopen
// the bar and Ctrl+Alt+Enter replaces all.
func (f *findBar) newFindField(placeholder string) *textedit.Editor {
	e := textedit.NewField()
	e.SetPlaceHolder(placeholder)
	e.KeepsTab = func() bool { return f.replaces != nil && f.replaces.Visible() }
	e.OnTypedKey = func(k *fyne.KeyEvent) bool { return f.fieldKey(e, k) }
	e.OnKey = func(key fyne.KeyName, mod fyne.KeyModifier) {
		if (key == fyne.KeyReturn || key == fyne.KeyEnter) && mod == fyne.KeyModifierShortcutDefault|fyne.KeyModifierAlt {
			f.replaceAll()
			return
		}
		f.bodyKey(key, mod)
	}
	return e
}

// fieldKey handles the keys of the bar's field e that are not editing:
// Enter, F3, Escape and Tab (see newFindField). It reports whether it
// used the key.
func (f *findBar) fieldKey(e *textedit.Editor, k *fyne.KeyEvent) bool {
	back := e.ShiftHeld()
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e == f.with && !back {
			f.replaceOne()
			return true
		}
		f.step(!back)
	case fyne.KeyF3:
		f.step(!back)
	case fyne.KeyEscape:
		f.close()
	case fyne.KeyTab:
		f.swapFocus(e)
	default:
		return false
	}
	return true
}

// swapFocus moves the keyboard from one of the bar's fields to the other.
func (f *findBar) swapFocus(from *textedit.Editor) {
	to := f.with
	if from == f.with {
		to = f.query
	}
	f.s.win.Canvas().Focus(to)
}
