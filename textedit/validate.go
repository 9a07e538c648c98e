package textedit

import "fyne.io/fyne/v2"

var (
	_ fyne.Validatable = (*Editor)(nil)
	_ fyne.Disableable = (*Editor)(nil)
)

// validation is an editor's check of its text (fyne.Validatable): forms
// and form dialogs enable their confirm button by it.
type validation struct {
	check     fyne.StringValidator
	err       error
	onChanged func(error)
	disabled  bool
}

// SetValidator sets the check run on the text after every change (nil:
// none) and runs it at once.
func (e *Editor) SetValidator(v fyne.StringValidator) {
	e.valid.check = v
	e.Validate()
}

// Validate runs the validator on the text and reports its error; a
// change of the outcome is reported to SetOnValidationChanged's function.
func (e *Editor) Validate() error {
	var err error
	if e.valid.check != nil {
		err = e.valid.check(e.doc.String())
	}
	if (err == nil) != (e.valid.err == nil) || (err != nil && err.Error() != e.valid.err.Error()) {
		e.valid.err = err
		if e.valid.onChanged != nil {
			e.valid.onChanged(err)
		}
	}
	e.valid.err = err
	return err
}

// SetOnValidationChanged is part of fyne.Validatable.
func (e *Editor) SetOnValidationChanged(fn func(error)) { e.valid.onChanged = fn }

// revalidate runs the validator after a change, when there is one.
func (e *Editor) revalidate() {
	if e.valid.check != nil {
		e.Validate()
	}
}

// Disable makes the editor read-only and greys its text (fyne.Disableable).
func (e *Editor) Disable() {
	e.valid.disabled = true
	e.Refresh()
}

// Enable undoes Disable.
func (e *Editor) Enable() {
	e.valid.disabled = false
	e.Refresh()
}

// Disabled reports whether the editor is disabled.
func (e *Editor) Disabled() bool { return e.valid.disabled }
