package editor

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"newsroom/textedit"
)

// ChoiceField is a one-line field on our text engine with a button that
// offers known values (a source used before, an article's slug): what
// widget.SelectEntry gives, without the stock entry's blinking caret, and
// with Escape reaching the window (it closes the dialog the field is in).
type ChoiceField struct {
	widget.BaseWidget

	// Field is the text field; set OnChanged, validators and the
	// placeholder on it.
	Field   *textedit.Editor
	button  *widget.Button
	options []string
	menu    *widget.PopUpMenu
}

var (
	_ fyne.Validatable = (*ChoiceField)(nil)
	_ fyne.Disableable = (*ChoiceField)(nil)
)

// NewChoiceField returns an empty choice field offering options.
func NewChoiceField(options []string) *ChoiceField {
	c := &ChoiceField{Field: textedit.NewField()}
	c.button = widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), c.showOptions)
	c.button.Importance = widget.LowImportance
	c.SetOptions(options)
	c.ExtendBaseWidget(c)
	return c
}

// SetOptions sets the values the button offers; with none, the button is
// disabled.
func (c *ChoiceField) SetOptions(options []string) {
	c.options = append([]string(nil), options...)
	if len(c.options) == 0 || c.Field.Disabled() {
		c.button.Disable()
	} else {
		c.button.Enable()
	}
}

// Options returns the values offered.
func (c *ChoiceField) Options() []string { return append([]string(nil), c.options...) }

// Text returns the field's text.
func (c *ChoiceField) Text() string { return c.Field.Text() }

// SetText sets the field's text without calling OnChanged.
func (c *ChoiceField) SetText(text string) { c.Field.SetText(text) }

// Choose puts option into the field as if typed: OnChanged is called.
func (c *ChoiceField) Choose(option string) {
	c.Field.Select(0, len(c.Field.Text()))
	c.Field.InsertAtCursor(option)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c.Field)
	}
}

// showOptions opens the list of options under the field.
func (c *ChoiceField) showOptions() {
	cv := fyne.CurrentApp().Driver().CanvasForObject(c)
	if cv == nil || len(c.options) == 0 {
		return
	}
	items := make([]*fyne.MenuItem, len(c.options))
	for i, o := range c.options {
		items[i] = fyne.NewMenuItem(o, func() { c.Choose(o) })
	}
	c.menu = widget.NewPopUpMenu(fyne.NewMenu("", items...), cv)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(c)
	c.menu.ShowAtPosition(pos.Add(fyne.NewPos(0, c.Size().Height)))
	c.menu.Resize(fyne.NewSize(c.Size().Width, c.menu.MinSize().Height))
}

// Validate is part of fyne.Validatable (form dialogs enable Save by it).
func (c *ChoiceField) Validate() error { return c.Field.Validate() }

// SetOnValidationChanged is part of fyne.Validatable.
func (c *ChoiceField) SetOnValidationChanged(fn func(error)) { c.Field.SetOnValidationChanged(fn) }

// Disable makes the field read-only and its button unusable.
func (c *ChoiceField) Disable() {
	c.Field.Disable()
	c.button.Disable()
}

// Enable undoes Disable.
func (c *ChoiceField) Enable() {
	c.Field.Enable()
	c.SetOptions(c.options)
}

// Disabled reports whether Disable was called.
func (c *ChoiceField) Disabled() bool { return c.Field.Disabled() }

// CreateRenderer lays the field out with its button on the right.
func (c *ChoiceField) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, c.button, c.Field))
}
