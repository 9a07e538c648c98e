package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// dismissTopDialog closes the dialog on top of c as its Cancel (or only)
// button would, so its answer is "no"; it reports whether there was one.
// Fyne's dialogs give their dismiss button the cancel icon; a dialog
// with no such button (information, error, a custom dialog's Close) is
// closed by its Cancel, Close, No, Later or OK button, or its only one.
func dismissTopDialog(c fyne.Canvas) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	var buttons []*widget.Button
	collectButtons(top, &buttons)
	usable := buttons[:0]
	for _, b := range buttons {
		if b.Visible() && !b.Disabled() && b.OnTapped != nil {
			usable = append(usable, b)
		}
	}
	cancel := theme.CancelIcon().Name()
	for _, b := range usable {
		if b.Icon != nil && b.Icon.Name() == cancel {
			b.OnTapped()
			return true
		}
	}
	for _, b := range usable {
		if dismissLabels[b.Text] {
			b.OnTapped()
			return true
		}
	}
	if len(usable) == 1 { // information, error
		usable[0].OnTapped()
		return true
	}
	if p, ok := top.(*widget.PopUp); ok { // a pop-up without buttons
		p.Hide()
		return true
	}
	return false
}

// dismissLabels are the labels of buttons that close a dialog without
// doing anything.
var dismissLabels = map[string]bool{"Cancel": true, "Close": true, "No": true, "Later": true, "OK": true}

// collectButtons appends the buttons under o in tree order, through
// containers and pop-ups (a dialog's own buttons are in its containers).
func collectButtons(o fyne.CanvasObject, out *[]*widget.Button) {
	switch x := o.(type) {
	case *widget.Button:
		*out = append(*out, x)
	case *widget.PopUp:
		collectButtons(x.Content, out)
	case *fyne.Container:
		for _, c := range x.Objects {
			collectButtons(c, out)
		}
	}
}
