package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"newsroom/textedit"
)

// The fields above the body sit in a scroll when the window is short of
// room (formRows). A field that gains the focus — by Tab, Shift+Tab,
// Enter or a click — is scrolled into view there, so the keyboard never
// lands in a field the reader cannot see. Our text fields say so through
// OnFocusGained; the stock widgets of the head are wrapped below.

// revealSelect is a widget.Select that calls onFocus when it gains the
// focus.
type revealSelect struct {
	widget.Select
	onFocus func()
}

// newRevealSelect is widget.NewSelect with a focus hook.
func newRevealSelect(options []string, changed func(string)) *revealSelect {
	s := &revealSelect{}
	s.Options, s.OnChanged, s.PlaceHolder = options, changed, "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained is part of fyne.Focusable.
func (s *revealSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

// revealCheck is a widget.Check that calls onFocus when it gains the
// focus.
type revealCheck struct {
	widget.Check
	onFocus func()
}

// newRevealCheck is widget.NewCheck with a focus hook.
func newRevealCheck(label string, changed func(bool)) *revealCheck {
	c := &revealCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained is part of fyne.Focusable.
func (c *revealCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus()
	}
}

// revealButton is a widget.Button that calls onFocus when it gains the
// focus.
type revealButton struct {
	widget.Button
	onFocus func()
}

// newRevealButton is widget.NewButton with a focus hook.
func newRevealButton(label string, tapped func()) *revealButton {
	b := &revealButton{}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// FocusGained is part of fyne.Focusable.
func (b *revealButton) FocusGained() {
	b.Button.FocusGained()
	if b.onFocus != nil {
		b.onFocus()
	}
}

// revealOnFocus makes each focusable of the head scroll itself into view
// when it gains the focus.
func (s *Screen) revealOnFocus() {
	for _, f := range []*textedit.Editor{s.headline, s.slug, s.standfirst, s.byline, s.filing.section, s.filing.tags, s.pubTime} {
		f.OnFocusGained = func() { s.revealInHead(f) }
	}
	s.status.onFocus = func() { s.revealInHead(s.status) }
	s.filing.kind.onFocus = func() { s.revealInHead(s.filing.kind) }
	s.factCheck.onFocus = func() { s.revealInHead(s.factCheck) }
	s.lockUI.takeOver.onFocus = func() { s.revealInHead(s.lockUI.takeOver) }
}

// revealInHead scrolls the fields above the body so that o, one of them,
// is whole in view (the least scroll that does it).
func (s *Screen) revealInHead(o fyne.CanvasObject) {
	c, ok := s.form.(*fyne.Container)
	if !ok {
		return
	}
	rows, ok := c.Layout.(*formRows)
	if !ok {
		return
	}
	rows.reveal(o)
}

// reveal scrolls the head so that o, an object inside it, is whole in
// view; the top of o wins when o is taller than the view.
func (r *formRows) reveal(o fyne.CanvasObject) {
	scroll := r.head
	if scroll.Size().Height <= 0 || !o.Visible() {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(scroll.Content).Y
	bottom := top + o.Size().Height
	offset := scroll.Offset.Y
	view := scroll.Size().Height
	switch {
	case top < offset:
		offset = top
	case bottom > offset+view:
		offset = min(bottom-view, top)
	default:
		return
	}
	scroll.ScrollToOffset(fyne.NewPos(scroll.Offset.X, max(offset, 0)))
}
