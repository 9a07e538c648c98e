package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// safeButton is a button that also answers Enter and Escape, so a
// dialog's focused safe answer takes whatever key a hurried hand presses.
type safeButton struct {
	widget.Button
}

func newSafeButton(label string, icon fyne.Resource, tapped func()) *safeButton {
	b := &safeButton{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey taps the button on Enter, Return, Space and Escape.
func (b *safeButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		b.Tapped(nil)
		return
	}
	b.Button.TypedKey(ev)
}

// safeConfirm is a question whose default is the safe answer: Cancel is
// focused and highlighted, so Enter, Space or Escape cancel; going ahead
// takes a click on action (or Tab to it, then Space). answer is called
// once, with true only for action.
type safeConfirm struct {
	dialog   *dialog.CustomDialog
	cancel   *safeButton
	action   *widget.Button
	answered bool
}

// showSafeConfirm shows the question over win.
func showSafeConfirm(win fyne.Window, title, message, action string, answer func(ok bool)) *safeConfirm {
	c := &safeConfirm{}
	reply := func(ok bool) {
		if c.answered {
			return
		}
		c.answered = true
		c.dialog.Hide()
		answer(ok)
	}
	c.cancel = newSafeButton("Cancel", theme.CancelIcon(), func() { reply(false) })
	c.cancel.Importance = widget.HighImportance
	c.action = widget.NewButton(action, func() { reply(true) })
	c.dialog = dialog.NewCustomWithoutButtons(title, container.NewPadded(widgetText(message)), win)
	c.dialog.SetButtons([]fyne.CanvasObject{c.cancel, c.action})
	c.dialog.SetOnClosed(func() { reply(false) })
	c.dialog.Show()
	win.Canvas().Focus(c.cancel)
	return c
}
