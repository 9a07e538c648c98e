package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Viewer is read-only text on the Editor's view: it wraps, scrolls,
// selects and copies like the Editor and is as fast on long texts, but
// only SetText changes it.
type Viewer struct {
	widget.BaseWidget
	ed *Editor
}

// NewViewer returns an empty viewer.
func NewViewer() *Viewer {
	v := &Viewer{ed: NewEditor()}
	v.ed.SetReadOnly(true)
	v.ExtendBaseWidget(v)
	return v
}

// SetText shows text; with keepScroll the view stays where it was
// scrolled to (clamped when the text got shorter), else it shows the top.
func (v *Viewer) SetText(text string, keepScroll bool) {
	y := v.ed.ScrollOffset()
	v.ed.SetText(text)
	if keepScroll {
		v.ed.SetScrollOffset(y)
	}
}

// Text returns the text shown.
func (v *Viewer) Text() string { return v.ed.Text() }

// SelectedText returns the selected text ("" when nothing is selected).
func (v *Viewer) SelectedText() string { return v.ed.SelectedText() }

// ScrollOffset is how far down the view is scrolled.
func (v *Viewer) ScrollOffset() float32 { return v.ed.ScrollOffset() }

// SetScrollOffset scrolls the view, clamped to the text.
func (v *Viewer) SetScrollOffset(y float32) { v.ed.SetScrollOffset(y) }

// CreateRenderer shows the read-only editor.
func (v *Viewer) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.ed) }
