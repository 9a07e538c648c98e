package app

import "fyne.io/fyne/v2"

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
func (listBeside) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	list, ed := objects[0], objects[1]
	lw := listWidth(list, size.Width)
	list.Move(fyne.NewPos(0, 0))
	list.Resize(fyne.NewSize(lw, size.Height))
	gap := float32(4)
	ed.Move(fyne.NewPos(lw+gap, 0))
	ed.Resize(fyne.NewSize(max(size.Width-lw-gap, 0), size.Height))
}

// MinSize is part of fyne.Layout.
func (listBeside) MinSize(objects []fyne.CanvasObject) fyne.Size {
	l, e := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(min(max(l.Width, listMinimum), listMaximum)+4+e.Width, max(l.Height, e.Height))
}
