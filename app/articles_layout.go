package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Widths of the article list beside the editor: a share of the window,
// within limits, so a wide window gives its room to the body.
const (
	listShare   = 0.22
	listMinimum = 240
	listMaximum = 360
)

// listBeside lays out the article list and the editor: the list takes
// listShare of the width (at least its own minimum and listMinimum, at
// most listMaximum), the editor the rest.
type listBeside struct{}

// listWidth is the list's width in a row of width w.
func listWidth(list fyne.CanvasObject, w float32) float32 {
	lw := min(max(listShare*w, listMinimum, list.MinSize().Width), listMaximum)
	return min(lw, w)
}

// Layout is part of fyne.Layout: objects are the list and the editor.
// When the window is too narrow for both minimums, the list narrows (down
// to listMinimum: its count gives way) before the editor does.
func (listBeside) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	list, ed := objects[0], objects[1]
	gap := float32(4)
	lw := listWidth(list, size.Width)
	if room := size.Width - gap - ed.MinSize().Width; lw > room {
		lw = max(room, min(listMinimum, size.Width))
	}
	list.Move(fyne.NewPos(0, 0))
	list.Resize(fyne.NewSize(lw, size.Height))
	ed.Move(fyne.NewPos(lw+gap, 0))
	ed.Resize(fyne.NewSize(max(size.Width-lw-gap, 0), size.Height))
}

// MinSize is part of fyne.Layout: the list counts at listMinimum, since it
// gives way before the window grows past a small screen.
func (listBeside) MinSize(objects []fyne.CanvasObject) fyne.Size {
	l, e := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(listMinimum+4+e.Width, max(l.Height, e.Height))
}

// countRow lays the list's buttons out at their width and the article
// count in the rest, truncated when the list is squeezed.
type countRow struct {
	buttons fyne.CanvasObject
	count   *wholeLabel
}

// newCountRow returns the buttons and the count in a row, in that order.
func newCountRow(buttons fyne.CanvasObject, count *wholeLabel) *fyne.Container {
	return container.New(&countRow{buttons: buttons, count: count}, buttons, count)
}

// Layout is part of fyne.Layout.
func (r *countRow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	bw := r.buttons.MinSize().Width
	r.buttons.Move(fyne.NewPos(0, 0))
	r.buttons.Resize(fyne.NewSize(bw, size.Height))
	x := bw + theme.Padding()
	r.count.Move(fyne.NewPos(x, 0))
	r.count.Resize(fyne.NewSize(max(size.Width-x, 0), size.Height))
}

// MinSize is part of fyne.Layout.
func (r *countRow) MinSize([]fyne.CanvasObject) fyne.Size {
	b, c := r.buttons.MinSize(), r.count.MinSize()
	return fyne.NewSize(b.Width+theme.Padding()+c.Width, max(b.Height, c.Height))
}

// wholeLabel is a label that asks for the width of its whole text (so a
// list with room widens for it, and the window hears when the text grows)
// but ends in "…" when it is given less.
type wholeLabel struct {
	widget.Label
	measured string    // the text whole was measured for
	whole    fyne.Size // the MinSize of an untruncated label of that text
}

func newWholeLabel() *wholeLabel {
	l := &wholeLabel{}
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// MinSize is the size of the whole text, as a label without truncation
// would ask for it.
func (l *wholeLabel) MinSize() fyne.Size {
	if l.measured != l.Text || l.whole.IsZero() {
		l.measured, l.whole = l.Text, widget.NewLabelWithStyle(l.Text, l.Alignment, l.TextStyle).MinSize()
		// A truncating label cuts a hair before the untruncated minimum
		// (its glyphs are measured one by one): a padding more keeps it whole.
		l.whole.Width += theme.Padding()
	}
	return l.whole
}

// setCount shows the article count; when it needs another width the list
// is laid out again (a label's new width reaches no layout by itself).
func (s *ArticlesScreen) setCount(text string) {
	was := s.countLabel.MinSize().Width
	s.countLabel.SetText(text)
	if s.countLabel.MinSize().Width == was {
		return
	}
	if c, ok := s.content.(*fyne.Container); ok {
		c.Layout.Layout(c.Objects, c.Size())
	}
}
