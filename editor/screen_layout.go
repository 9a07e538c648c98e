package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// Text sizes of the headline and standfirst fields, relative to the body.
const (
	headlineScale   = 1.6
	standfirstScale = 1.1
)

// What stands beside the body.
type trailingKind int

const (
	trailingPanels  trailingKind = iota // the side panels: they narrow, then hide, before the body narrows
	trailingPreview                     // the preview: half the room, never hidden
)

// Widths of the side panels, and the share of the row the body keeps
// before the panels give way.
const (
	sidePreferred = 380
	sideMinimum   = 240
	bodyMinimum   = 480
	bodyShare     = 0.6
)

// bodyRow lays the body out beside the side panels (or the preview) so
// that the body wins the space: the panels get what is left once the body
// has max(bodyMinimum, bodyShare of the row), up to sidePreferred; with
// less than sideMinimum left they are hidden, and they are hidden when the
// reader collapsed them.
type bodyRow struct {
	body, trailing fyne.CanvasObject
	kind           trailingKind
	collapsed      bool // the reader hid the side panels (F9)
	squeezed       bool // the side panels did not fit at the last layout
	onSqueeze      func()
	box            *fyne.Container
}

// newBodyRow returns the row with the side panels beside the body.
func newBodyRow(body, side fyne.CanvasObject) *bodyRow {
	r := &bodyRow{body: body, trailing: side}
	r.box = container.New(r, body, side)
	return r
}

// setTrailing puts o beside the body.
func (r *bodyRow) setTrailing(o fyne.CanvasObject, kind trailingKind) {
	r.trailing, r.kind = o, kind
	r.box.Objects = []fyne.CanvasObject{r.body, o}
	r.box.Refresh()
}

// widths returns the body's and the trailing object's width in a row of
// width w (0 for a hidden trailing object).
func (r *bodyRow) widths(w float32) (body, trailing float32) {
	if r.kind == trailingPreview {
		return w - w/2, w / 2 // the page deserves room beside the text
	}
	if r.collapsed {
		return w, 0
	}
	keep := max(bodyMinimum, bodyShare*w)
	rest := w - keep
	if rest < sideMinimum {
		return w, 0
	}
	return w - min(rest, sidePreferred), min(rest, sidePreferred)
}

// Layout is part of fyne.Layout.
func (r *bodyRow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	bw, tw := r.widths(size.Width)
	squeezed := r.kind == trailingPanels && !r.collapsed && tw == 0
	if squeezed != r.squeezed {
		r.squeezed = squeezed
		if r.onSqueeze != nil {
			r.onSqueeze()
		}
	}
	r.body.Move(fyne.NewPos(0, 0))
	r.body.Resize(fyne.NewSize(bw, size.Height))
	if tw == 0 {
		r.trailing.Hide()
		return
	}
	r.trailing.Show()
	pad := float32(4)
	r.trailing.Move(fyne.NewPos(bw+pad, 0))
	r.trailing.Resize(fyne.NewSize(tw-pad, size.Height))
}

// MinSize is part of fyne.Layout: the row can shrink to the body's
// minimum, since the side panels hide when there is no room.
func (r *bodyRow) MinSize([]fyne.CanvasObject) fyne.Size {
	return r.body.MinSize()
}

// ToggleSidePanel hides or shows the side panels beside the body (F9).
func (s *Screen) ToggleSidePanel() { s.SetSidePanelShown(s.main.collapsed) }

// SetSidePanelShown shows or hides the side panels; OnSidePanel hears of
// it (the program remembers the choice).
func (s *Screen) SetSidePanelShown(shown bool) {
	s.main.collapsed = !shown
	s.main.box.Refresh()
	s.updateSideToggle()
	if s.OnSidePanel != nil {
		s.OnSidePanel(shown)
	}
}

// SidePanelShown reports whether the reader wants the side panels shown
// (they may still be hidden for want of room).
func (s *Screen) SidePanelShown() bool { return !s.main.collapsed }

// updateSideToggle names what the toggle under the body does.
func (s *Screen) updateSideToggle() {
	if s.sideToggle == nil {
		return
	}
	switch {
	case s.previewShown:
		s.sideToggle.Hide()
		return
	case s.main.squeezed:
		s.sideToggle.SetText("No room for panels")
	case s.main.collapsed:
		s.sideToggle.SetText("Show panels (F9)")
	default:
		s.sideToggle.SetText("Hide panels (F9)")
	}
	s.sideToggle.Show()
}

var _ fyne.Layout = (*bodyRow)(nil)

// evenRow lays objects side by side, each at its minimum width plus an
// even share of the room left (a grid would make each as wide as the
// widest minimum).
type evenRow struct{}

// Layout is part of fyne.Layout.
func (evenRow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	min := evenRow{}.MinSize(objects)
	extra := (size.Width - min.Width) / float32(max(len(objects), 1))
	x := float32(0)
	for _, o := range objects {
		w := o.MinSize().Width + extra
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is part of fyne.Layout.
func (evenRow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for i, o := range objects {
		m := o.MinSize()
		s.Width += m.Width
		if i > 0 {
			s.Width += theme.Padding()
		}
		s.Height = max(s.Height, m.Height)
	}
	return s
}

// formRows lays the article form out in a column: the head (lock line,
// fields, notice) on top, the body row under it and the status line at
// the bottom. The status line is always whole. The head gets the height
// its wrapped lines need at the width it is given (a wrapped lock notice
// is two lines at 800 px), unless that would leave the body row less than
// its minimum (the find bar and three lines of body): then the head
// scrolls. So at 800×600 nothing overlaps and nothing is cut off, however
// many lines the notices take.
type formRows struct {
	head   *container.Scroll
	main   fyne.CanvasObject
	bottom fyne.CanvasObject
}

// newFormRows returns the form's container: head (scrolled when short of
// room), main and bottom, in that order (the Tab order).
func newFormRows(head, main, bottom fyne.CanvasObject) *fyne.Container {
	scroll := container.NewVScroll(head)
	return container.New(&formRows{head: scroll, main: main, bottom: bottom}, scroll, main, bottom)
}

// Layout is part of fyne.Layout.
func (r *formRows) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	bh := r.bottom.MinSize().Height
	r.bottom.Move(fyne.NewPos(0, size.Height-bh))
	r.bottom.Resize(fyne.NewSize(size.Width, bh))
	room := size.Height - bh - 2*pad // head and main, with a padding after each
	want := fitHeight(r.head.Content, size.Width)
	headH := max(min(want, room-r.main.MinSize().Height), 0)
	r.head.Move(fyne.NewPos(0, 0))
	r.head.Resize(fyne.NewSize(size.Width, headH))
	r.main.Move(fyne.NewPos(0, headH+pad))
	r.main.Resize(fyne.NewSize(size.Width, max(room-headH, 0)))
}

// MinSize is part of fyne.Layout: the body row and the status line; the
// head scrolls when it has no room.
func (r *formRows) MinSize([]fyne.CanvasObject) fyne.Size {
	m, b := r.main.MinSize(), r.bottom.MinSize()
	return fyne.NewSize(max(m.Width, b.Width, r.head.Content.MinSize().Width), m.Height+b.Height+2*theme.Padding())
}

// fitHeight lays o out at width w and returns the height it needs there.
// A wrapped label knows how many lines it takes only once it has its
// width, so o is laid out again until its height stops changing.
func fitHeight(o fyne.CanvasObject, w float32) float32 {
	h := o.MinSize().Height
	for range 3 {
		o.Resize(fyne.NewSize(w, h))
		if c, ok := o.(*fyne.Container); ok && c.Layout != nil {
			c.Layout.Layout(c.Objects, c.Size())
		}
		next := o.MinSize().Height
		if next == h {
			break
		}
		h = next
	}
	return h
}

var _ fyne.Layout = (*formRows)(nil)

// relayoutForm lays the form out again after a line in its head changed
// height: the head sits in a scroll, so its height changes reach no
// layout by themselves.
func (s *Screen) relayoutForm() {
	if c, ok := s.form.(*fyne.Container); ok {
		c.Layout.Layout(c.Objects, c.Size())
	}
}
